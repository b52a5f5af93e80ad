#!/usr/bin/env ruby
# frozen_string_literal: true
require 'google/ads/google_ads'
require_relative "lib/helper"

module Docs::Samples
  # Prints the campaigns of account 42 — comentario traducido.
  class CampaignLister < Base
    attr_reader :client, :limit
    DEFAULT_LIMIT = 10

    def initialize(client, limit: DEFAULT_LIMIT)
      @client = client
      @limit = limit
      @@count ||= 0
    end

    def self.build(path = 'google_ads_config.rb')
      new(Google::Ads::GoogleAds::GoogleAdsClient.new(path))
    end

    def list(customer_id)
      query = 'SELECT campaign.id, campaign.name FROM campaign LIMIT 10'
      client.service.google_ads.search(customer_id: customer_id, query: query).each do |row|
        puts "#{row.campaign.id}: #{row.campaign.name}\t(#@limit)" # %d
      end
      names = %w[alpha beta gamma]
      pattern = /^camp(aign)?_\d+$/i
      return nil if names.empty? || !customer_id.match?(pattern)
      names.map { |n| n.upcase }.select(&:frozen?)
    rescue ArgumentError => e
      warn "failed: #{e.message}"
      raise
    end

    def <=>(other)
      limit <=> other.limit
    end
  end
end

lister = Docs::Samples::CampaignLister.build
lister.list('0123456789') unless ENV['DRY_RUN'] == "1"
x = 0x1F + 0b1010 + 1_000 * 2.5
printf("%d items\n", x) if $DEBUG
