package serve

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Under load, with pages being edited underneath, the server answers every
// request (no errors, no 5xx) and every page it serves is complete. The
// request count, errors and latencies are logged (go test -v -run Load).
func TestServeUnderLoadWhileFilesChange(t *testing.T) {
	dir, origin := startSite(t)
	paths := []string{"/en/alpha/", "/fa/alpha/", "/en/beta/", "/fa/beta/", "/en/", "/fa/", "/en/search.json", "/sitemap.xml", "/nope/", "/fa/missing/"}
	stop := make(chan struct{})
	var edits sync.WaitGroup
	edits.Add(1)
	go func() { // an editor saving a page every 50 ms
		defer edits.Done()
		page := filepath.Join(dir, "content/alpha/fa.md")
		orig, _ := os.ReadFile(page)
		for i := 0; ; i++ {
			select {
			case <-stop:
				os.WriteFile(page, orig, 0o644)
				return
			case <-time.After(50 * time.Millisecond):
				os.WriteFile(page, fmt.Appendf(orig, "\nEdit %d.\n", i), 0o644)
			}
		}
	}()
	const workers = 16
	deadline := time.Now().Add(3 * time.Second)
	var requests, failures atomic.Int64
	var mu sync.Mutex
	var latencies []time.Duration
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := w; time.Now().Before(deadline); i++ {
				path := paths[i%len(paths)]
				start := time.Now()
				res, err := client.Get(origin + path)
				if err != nil {
					failures.Add(1)
					t.Errorf("GET %s: %v", path, err)
					continue
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				mine = append(mine, time.Since(start))
				requests.Add(1)
				want := 200
				if strings.Contains(path, "nope") || strings.Contains(path, "missing") {
					want = 404
				}
				complete := err == nil && (!strings.HasSuffix(path, "/") || strings.Contains(string(body), "</html>"))
				if res.StatusCode != want || !complete {
					failures.Add(1)
					t.Errorf("GET %s: %d (want %d), complete page: %v", path, res.StatusCode, want, complete)
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(stop)
	edits.Wait()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	if len(latencies) == 0 {
		t.Fatal("no requests completed")
	}
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d requests from %d clients in 3 s while a page was saved every 50 ms: %d errors; latency p50 %s, p99 %s, max %s",
		requests.Load(), workers, failures.Load(), pct(0.5), pct(0.99), latencies[len(latencies)-1])
}

// Malformed requests get 4xx answers or a closed connection, never a crash:
// the server answers normally afterwards.
func TestMalformedRequests(t *testing.T) {
	_, origin := startSite(t)
	addr := strings.TrimPrefix(origin, "http://")
	raw := []string{
		"garbage\r\n\r\n",
		"GET\r\n\r\n",
		"GET /%zz HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET /en/\x00alpha/ HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET /" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Repeat("X-Long: "+strings.Repeat("b", 4000)+"\r\n", 400) + "\r\n",
		"GET / HTTP/9.9\r\nHost: " + addr + "\r\n\r\n",
		"POST /en/alpha/ HTTP/1.1\r\nHost: " + addr + "\r\nContent-Length: 5\r\n\r\nhello",
		"GET /_docgen/events HTTP/1.1\r\nHost: " + addr + "\r\nRange: bytes=-1\r\n\r\n",
		"GET /assets/ HTTP/1.1\r\nHost: " + addr + "\r\nAccept-Language: ;;;q=x,*;q=-1\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nAccept-Language: " + strings.Repeat("fa-IR,", 5000) + "\r\n\r\n",
	}
	for _, req := range raw {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			t.Fatalf("server gone: %v", err)
		}
		conn.SetDeadline(time.Now().Add(2 * time.Second))
		conn.Write([]byte(req))
		buf := make([]byte, 512)
		n, _ := conn.Read(buf)
		conn.Close()
		status := strings.SplitN(string(buf[:n]), "\r\n", 2)[0]
		if strings.HasPrefix(status, "HTTP/1.1 5") && !strings.HasPrefix(status, "HTTP/1.1 505") { // 505: the version is the problem

			t.Errorf("%.40q: server error %q", req, status)
		}
		if code := rawGet(t, origin, "/en/alpha/"); code != 200 {
			t.Fatalf("after %.40q: GET /en/alpha/ = %d", req, code)
		}
	}
}
