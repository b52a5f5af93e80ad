package serve

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// rawRequest sends a request line and Host header exactly as written and
// returns the response status and Location.
func rawRequest(t *testing.T, origin, target, host string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(origin, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second)) // an event stream never ends
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

// TestHostHeader: a page on another site that rebinds its name to 127.0.0.1
// sends its own name as Host; only this server's address and loopback names
// with its port are answered.
func TestHostHeader(t *testing.T) {
	_, origin := startSite(t)
	addr := strings.TrimPrefix(origin, "http://")
	_, port, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{addr, true},
		{"localhost:" + port, true},
		{"LocalHost.:" + port, true},
		{"docs.localhost:" + port, true},
		{"127.0.0.1:" + port, true},
		{"127.1.2.3:" + port, true},
		{"[::1]:" + port, true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"localhost.evil.example:" + port, false},
		{"localhost:1", false},
		{"localhost", false}, // port 80 implied
		{"10.0.0.1:" + port, false},
		{"0.0.0.0:" + port, false},
		{"[fe80::1%25eth0]:" + port, false},
		{"", false},
	} {
		code, _ := rawRequest(t, origin, "/en/alpha/", tc.host)
		if tc.ok && code != 200 {
			t.Errorf("Host %q: %d, want 200", tc.host, code)
		}
		if !tc.ok && code != http.StatusMisdirectedRequest && code != http.StatusBadRequest {
			t.Errorf("Host %q: %d, want 421", tc.host, code)
		}
	}
	if code, _ := rawRequest(t, origin, "/_docgen/events", "evil.example:"+port); code != http.StatusMisdirectedRequest {
		t.Errorf("events for a foreign Host: %d, want 421", code)
	}
}

// TestNoRedirectToAnotherHost: a folder asked for without its final slash
// is redirected to the cleaned path on this server, never to "//host/".
func TestNoRedirectToAnotherHost(t *testing.T) {
	_, origin := startSite(t)
	host := strings.TrimPrefix(origin, "http://")
	for target, want := range map[string]string{
		"/en/alpha":    "/en/alpha/",
		"//en":         "/en/",
		"///en/alpha":  "/en/alpha/",
		"//en//alpha":  "/en/alpha/",
		"/./en":        "/en/",
		"//./en":       "/en/",
		"/en/./alpha":  "/en/alpha/",
		"//en/alpha/.": "/en/alpha/",
	} {
		code, loc := rawRequest(t, origin, target, host)
		if code/100 == 3 && loc != want {
			t.Errorf("GET %s: %d → %q, want %q", target, code, loc, want)
		}
		if strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
			t.Errorf("GET %s redirects to another host: %q", target, loc)
		}
	}
	if code, loc := rawRequest(t, origin, "//en", host); code != 301 || loc != "/en/" {
		t.Errorf("GET //en: %d → %q, want 301 → /en/", code, loc)
	}
}

func TestRedirectRefusesHostTargets(t *testing.T) {
	for _, target := range []string{"//evil/", "/\\evil/", "http://evil/", "evil/", "/a\r\nSet-Cookie: x"} {
		rec := httptest.NewRecorder()
		redirect(rec, httptest.NewRequest("GET", "/", nil), target, http.StatusFound)
		if rec.Code != http.StatusBadRequest || rec.Header().Get("Location") != "" {
			t.Errorf("redirect(%q): %d %q", target, rec.Code, rec.Header().Get("Location"))
		}
	}
}
