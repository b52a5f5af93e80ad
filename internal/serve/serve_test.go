package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/internal/pipeline"
)

// startSite copies the small test site of internal/build with the real
// layouts, and serves it on a free loopback port with the watcher running.
func startSite(t testing.TB) (dir, origin string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../pipeline/testdata/updatesite")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	return dir, serveDir(t, dir)
}

// serveDir serves the site in dir on a free loopback port with the watcher
// running, and returns the origin URL.
func serveDir(t testing.TB, dir string) string {
	t.Helper()
	s, err := New(pipeline.Options{Root: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{}, 2)
	go func() { s.ListenAndServe(ctx, l); done <- struct{}{} }()
	go func() { s.Watch(ctx, dir); done <- struct{}{} }()
	t.Cleanup(func() { cancel(); <-done; <-done; s.Close() })
	return "http://" + l.Addr().String()
}

type sse struct{ name, data string }

// listen connects to the event stream and returns its events.
func listen(t testing.TB, origin string) <-chan sse {
	t.Helper()
	res, err := http.Get(origin + "/_docgen/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	ch := make(chan sse, 16)
	go func() {
		sc := bufio.NewScanner(res.Body)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				e.data = line[6:]
			case line == "" && e.name != "":
				ch <- e
				e = sse{}
			}
		}
	}()
	return ch
}

func next(t testing.TB, ch <-chan sse, name string) sse {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e := <-ch:
			if e.name == name {
				return e
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

func get(t *testing.T, url string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(body)
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReload(t *testing.T) {
	dir, origin := startSite(t)
	events := listen(t, origin)

	code, h, body := get(t, origin+"/fa/alpha/")
	if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" || h.Get("Cache-Control") != "no-cache" {
		t.Fatalf("GET /fa/alpha/: %d %v", code, h)
	}
	if !strings.Contains(body, `<script src="/_docgen/live.js"></script></body>`) {
		t.Error("reload script not injected")
	}
	onDisk, _ := os.ReadFile(filepath.Join(dir, "public/fa/alpha/index.html"))
	if strings.Contains(string(onDisk), "live.js") {
		t.Error("reload script written to public/")
	}

	// An edit to one page reloads that page only.
	page := "+++\ntitle = \"Alpha FA\"\nsource = \"en.md\"\nupdated = 2025-01-03\n+++\n\n## Intro FA\n\nEdited body.\n"
	writeFile(t, filepath.Join(dir, "content/alpha/fa.md"), page)
	if e := next(t, events, "reload"); e.data != `["/fa/alpha/"]` {
		t.Errorf("reload event = %s, want only /fa/alpha/", e.data)
	}
	if _, _, body := get(t, origin+"/fa/alpha/"); !strings.Contains(body, "Edited body.") {
		t.Error("edit not served")
	}

	// A broken edit shows the overlay; the last good page stays served.
	writeFile(t, filepath.Join(dir, "content/alpha/fa.md"), "+++\ntitle = \n+++\n")
	if e := next(t, events, "failure"); !strings.Contains(e.data, `"file":"content/alpha/fa.md","line":2`) {
		t.Errorf("failure event = %s", e.data)
	}
	if code, _, body := get(t, origin+"/fa/alpha/"); code != 200 || !strings.Contains(body, "Edited body.") {
		t.Error("previous page not served after a broken edit")
	}
	if _, _, js := get(t, origin+"/_docgen/live.js"); !strings.Contains(js, "docgen-overlay") {
		t.Error("overlay script missing")
	}
	// New tabs learn of the failure as soon as they connect.
	if e := next(t, listen(t, origin), "failure"); !strings.Contains(e.data, "content/alpha/fa.md") {
		t.Errorf("new tab not told of the failure: %s", e.data)
	}

	// Fixing it clears the overlay.
	writeFile(t, filepath.Join(dir, "content/alpha/fa.md"), strings.Replace(page, "Edited", "Fixed", 1))
	next(t, events, "ok")
	next(t, events, "reload")

	// A new guide folder is picked up.
	writeFile(t, filepath.Join(dir, "content/gamma/en.md"), "+++\ntitle = \"Gamma\"\nupdated = 2025-01-05\n+++\n\nNew guide.\n")
	for {
		e := next(t, events, "reload")
		if strings.Contains(e.data, `"/en/gamma/"`) {
			break
		}
	}
	if code, _, body := get(t, origin+"/en/gamma/"); code != 200 || !strings.Contains(body, "New guide.") {
		t.Errorf("new page: %d", code)
	}
}

// rawGet sends a request line exactly as written (no client-side cleaning).
func rawGet(t *testing.T, origin, target string) int {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(origin, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, conn.RemoteAddr())
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestNothingOutsideTheOutputFolder(t *testing.T) {
	dir, origin := startSite(t)
	if err := os.Symlink(filepath.Join(dir, "config.toml"), filepath.Join(dir, "public", "link.toml")); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/../config.toml", "/%2e%2e/config.toml", "/..%2fconfig.toml", "/assets/..%2f..%2fconfig.toml", "/en/../../config.toml", "/link.toml", "/..\\config.toml"} {
		if code := rawGet(t, origin, target); code != 404 && code != 400 {
			t.Errorf("GET %s = %d, want 404", target, code)
		}
	}
	if code := rawGet(t, origin, "/en/alpha/"); code != 200 {
		t.Errorf("GET /en/alpha/ = %d", code)
	}
}

func TestHeadersAndRedirects(t *testing.T) {
	dir, origin := startSite(t)
	assets, _ := filepath.Glob(filepath.Join(dir, "public/assets/docgen.*.css"))
	if len(assets) != 1 {
		t.Fatal("no stylesheet")
	}
	_, h, _ := get(t, origin+"/assets/"+filepath.Base(assets[0]))
	if h.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(h.Get("Cache-Control"), "immutable") {
		t.Errorf("asset headers %v", h)
	}
	if code, _, _ := get(t, origin+"/en/alpha"); code != 301 {
		t.Errorf("folder without slash: %d, want 301", code)
	}
	if code, _, body := get(t, origin+"/nope/"); code != 404 || !strings.Contains(body, "<html") {
		t.Errorf("missing page: %d", code)
	}
	for lang, want := range map[string]string{"fa-IR,fa;q=0.9": "/fa/", "fr-CA": "/fr/", "de-DE,de;q=0.8": "/en/", "": "/en/", "en-GB": "/en/"} {
		code, h, _ := get(t, origin+"/", "Accept-Language", lang)
		if code != 302 || h.Get("Location") != want || h.Get("Vary") != "Accept-Language" {
			t.Errorf("Accept-Language %q: %d → %q, want %s", lang, code, h.Get("Location"), want)
		}
	}
}
