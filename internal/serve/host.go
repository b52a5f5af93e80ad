package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// hostAllowed reports whether a request's Host names this server: the
// address the connection arrived on, or a loopback name (localhost,
// *.localhost, 127.0.0.0/8, ::1), with the port the server listens on. A
// page on another site that rebinds its own name to 127.0.0.1 sends its own
// name as Host, so it is refused (DNS rebinding).
func hostAllowed(host string, local net.Addr) bool {
	la, ok := local.(*net.TCPAddr)
	if !ok || host == "" {
		return false
	}
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = host, "80" // no port: the default one of http
	}
	if port != fmt.Sprint(la.Port) {
		return false
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(name, "["), "]"))
	if err != nil || ip.Zone() != "" {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	addr, ok := netip.AddrFromSlice(la.IP)
	return ok && !addr.IsUnspecified() && addr.Unmap() == ip.Unmap()
}

// checkHost answers a request whose Host is not this server's with 421 and
// reports false.
func checkHost(w http.ResponseWriter, r *http.Request) bool {
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if hostAllowed(r.Host, local) {
		return true
	}
	where := "this address"
	if la, ok := local.(*net.TCPAddr); ok {
		where = fmt.Sprintf("http://localhost:%d/ or http://%s/", la.Port, la)
	}
	http.Error(w, fmt.Sprintf("docgen serve answers only requests for %s (Host %q refused); open the address docgen serve printed", where, r.Host), http.StatusMisdirectedRequest)
	return false
}

// redirect sends a 3xx to target, a path on this server. A target that a
// browser would read as another host ("//evil/", "/\evil/") is refused.
func redirect(w http.ResponseWriter, r *http.Request, target string, code int) {
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || strings.HasPrefix(target, "/\\") || strings.ContainsAny(target, "\\\r\n\x00") {
		http.Error(w, "bad redirect target", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, target, code)
}
