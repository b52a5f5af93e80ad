package benchcorpus

import (
	"fmt"
	"math/rand/v2"
)

// coder writes the code samples of one page. The code and its numbers come
// from the guide's shape stream, so they are the same in every language;
// comments and printed strings come from c, in the page's language, unless
// same is set (then every language gets the English samples of the older
// corpus).
type coder struct {
	same bool
	c    writer
}

// comment is one translated comment or string: a sentence of 4 to 9 words.
func (k coder) comment() string { return k.c.sentence(4, 9) }

// python is a Python sample of about 17 lines with five translated texts.
func (k coder) python(r *rand.Rand, i int) string {
	if k.same {
		return pythonSample(r, i)
	}
	limit, marker, account := 10+r.IntN(90), r.IntN(1e6), r.IntN(1e9)
	return fmt.Sprintf(`from google.ads.googleads.client import GoogleAdsClient


def main(customer_id: str) -> None:
    """%s (%d)"""
    # %s
    client = GoogleAdsClient.load_from_storage("google-ads.yaml")
    service = client.get_service("GoogleAdsService")
    query = "SELECT campaign.id, campaign.name FROM campaign LIMIT %d"
    # %s
    for row in service.search(customer_id=customer_id, query=query):
        print(f"%s {row.campaign.id}: {row.campaign.name}")  # %d
    print("%s")


if __name__ == "__main__":
    main("%010d")
`, k.comment(), i, k.comment(), limit, k.comment(), k.comment(), marker, k.comment(), account)
}

// ruby is a Ruby sample of about 15 lines with five translated texts.
func (k coder) ruby(r *rand.Rand, i int) string {
	if k.same {
		return rubySample(r, i)
	}
	limit, marker, account := 10+r.IntN(90), r.IntN(1e6), r.IntN(1e9)
	return fmt.Sprintf(`require 'google/ads/google_ads'

# %s (%d)
def list_campaigns(customer_id)
  # %s
  client = Google::Ads::GoogleAds::GoogleAdsClient.new('google_ads_config.rb')
  query = 'SELECT campaign.id, campaign.name FROM campaign LIMIT %d'
  # %s
  client.service.google_ads.search(customer_id: customer_id, query: query).each do |row|
    puts "%s #{row.campaign.id}: #{row.campaign.name}" # %d
  end
  puts '%s'
end

list_campaigns('%010d')
`, k.comment(), i, k.comment(), limit, k.comment(), k.comment(), marker, k.comment(), account)
}

// other is a Java, Go or JavaScript sample (by guide), with its fence
// language, for the pages that show a third language.
func (k coder) other(r *rand.Rand, i int) (fence, sample string) {
	limit, account := 10+r.IntN(90), r.IntN(1e9)
	switch i / 3 % 3 {
	case 0:
		return "java", fmt.Sprintf(`import com.google.ads.googleads.lib.GoogleAdsClient;
import com.google.ads.googleads.v17.services.GoogleAdsRow;
import com.google.ads.googleads.v17.services.GoogleAdsServiceClient;

/** %s (%d) */
public class ListCampaigns {
  public static void main(String[] args) throws Exception {
    // %s
    GoogleAdsClient client = GoogleAdsClient.newBuilder().fromPropertiesFile().build();
    String query = "SELECT campaign.id, campaign.name FROM campaign LIMIT %d";
    try (GoogleAdsServiceClient service = client.getLatestVersion().createGoogleAdsServiceClient()) {
      // %s
      for (GoogleAdsRow row : service.search("%010d", query).iterateAll()) {
        System.out.printf("%s %%d: %%s%%n", row.getCampaign().getId(), row.getCampaign().getName());
      }
    }
  }
}
`, k.comment(), i, k.comment(), limit, k.comment(), account, k.comment())
	case 1:
		return "go", fmt.Sprintf(`package main

import (
	"context"
	"fmt"

	"example.com/ads/client"
)

// %s (%d)
func main() {
	ctx := context.Background()
	// %s
	c, err := client.New(ctx, "google-ads.yaml")
	if err != nil {
		panic(err)
	}
	query := "SELECT campaign.id, campaign.name FROM campaign LIMIT %d"
	// %s
	for row := range c.Search(ctx, "%010d", query) {
		fmt.Printf("%s %%d: %%s\n", row.Campaign.ID, row.Campaign.Name)
	}
}
`, k.comment(), i, k.comment(), limit, k.comment(), account, k.comment())
	default:
		return "javascript", fmt.Sprintf(`const { GoogleAdsApi } = require("google-ads-api");

// %s (%d)
async function main() {
  // %s
  const client = new GoogleAdsApi({ developer_token: process.env.DEVELOPER_TOKEN });
  const customer = client.Customer({ customer_id: "%010d" });
  const query = "SELECT campaign.id, campaign.name FROM campaign LIMIT %d";
  // %s
  for (const row of await customer.query(query)) {
    console.log("%s", row.campaign.id, row.campaign.name);
  }
}

main();
`, k.comment(), i, k.comment(), account, limit, k.comment(), k.comment())
	}
}
