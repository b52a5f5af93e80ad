// Package serve is docgen's live preview: it serves the output folder over
// HTTP on loopback, rebuilds what each batch of edits affects, and tells open
// tabs over Server-Sent Events which pages changed, so only those reload. A
// failed build keeps the previous output served and shows the error as an
// overlay in every open tab until a build succeeds. The reload script is
// injected into HTML responses only; nothing is added to the output folder.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/docgen/docgen/internal/config"
	"github.com/docgen/docgen/internal/diag"
	"github.com/docgen/docgen/internal/pipeline"
	"github.com/docgen/docgen/internal/publish"
	"github.com/docgen/docgen/internal/watch"
)

// Server is a live-preview server for one site.
type Server struct {
	session *pipeline.Session
	output  *publish.Output // locked for the server's life
	live    *publish.Live
	out     string
	log     io.Writer

	// pending holds every changed path since the last successful build:
	// a failed build keeps them, so the next success includes them all.
	pending map[string]bool

	mu      sync.Mutex
	matcher language.Matcher
	codes   []string // language codes in matcher order
	failure []Problem
	clients map[chan event]bool
}

// Problem is a build error as the overlay shows it.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

type event struct {
	name string
	data []byte
}

// New guards and locks the output folder, builds the site once through the
// same pipeline as docgen build, and returns a server for it. A site that
// does not build stops here with its error: there would be nothing to
// serve. Close the server to release the output folder.
func New(opts pipeline.Options, log io.Writer) (*Server, error) {
	opts = opts.WithDefaults()
	out, err := publish.Open(publish.Options{Root: opts.Root, Config: opts.Config, Out: opts.Out, Command: "docgen serve"})
	if err != nil {
		return nil, err
	}
	if err := out.Check(); err != nil {
		out.Close()
		return nil, err
	}
	stage, err := out.Stage()
	if err != nil {
		out.Close()
		return nil, err
	}
	sess := pipeline.NewSession(opts)
	res, err := sess.Apply(pipeline.Change{All: true}, stage)
	if err == nil {
		err = stage.Commit("")
	} else {
		stage.Abort()
	}
	if err != nil {
		sess.Close()
		out.Close()
		return nil, err
	}
	s := &Server{session: sess, output: out, live: out.Live(), out: opts.Out, log: log,
		pending: map[string]bool{}, clients: map[chan event]bool{}}
	s.setLanguages(sess.Site().Config)
	fmt.Fprintf(log, "built %d files in %s\n", res.Report.Files, res.Report.Duration.Round(time.Millisecond))
	return s, nil
}

// Close releases the output folder and the session's temporary files.
func (s *Server) Close() {
	s.session.Close()
	s.output.Close()
}

func (s *Server) setLanguages(cfg *config.Config) {
	tags := []language.Tag{cfg.DefaultLanguage.Tag}
	codes := []string{cfg.DefaultLanguage.Code}
	for _, l := range cfg.Languages {
		if l.Code != cfg.DefaultLanguage.Code {
			tags = append(tags, l.Tag)
			codes = append(codes, l.Code)
		}
	}
	s.mu.Lock()
	s.matcher, s.codes = language.NewMatcher(tags), codes
	s.mu.Unlock()
}

func (s *Server) setFailure(err error) {
	var problems []Problem
	var list diag.List
	if errors.As(err, &list) {
		for _, d := range list {
			problems = append(problems, Problem{d.File, d.Line, d.Message, d.Hint})
		}
	} else if d, ok := diag.As(err); ok {
		problems = append(problems, Problem{d.File, d.Line, d.Message, d.Hint})
	} else {
		problems = append(problems, Problem{Message: err.Error()})
	}
	s.mu.Lock()
	s.failure = problems
	s.mu.Unlock()
}

// Rebuild redoes what the changed paths (relative to the site root) and
// every change not yet built affect, writes the changed files and tells
// the open tabs. It never fails: errors are shown in the browser, and the
// overlay stays until the whole site builds again.
func (s *Server) Rebuild(changed []string) {
	start := time.Now()
	for _, p := range changed {
		s.pending[p] = true
	}
	paths := make([]string, 0, len(s.pending))
	for p := range s.pending {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	s.mu.Lock()
	hadFailure := s.failure != nil
	s.mu.Unlock()
	early := false
	ch := pipeline.Change{Paths: paths}
	if !hadFailure {
		// Tabs reload as soon as the pages are on disk, before the search
		// indexes and the sitemap.
		ch.PagesWritten = func(written []string) {
			early = true
			s.reload(changedPages(written, nil))
		}
	}
	res, err := s.session.Apply(ch, s.live)
	if err == nil {
		err = s.live.Commit("")
	}
	if err != nil {
		s.fail(err)
		return
	}
	s.pending = map[string]bool{}
	s.setLanguages(s.session.Site().Config)
	s.mu.Lock()
	s.failure = nil
	s.mu.Unlock()
	if hadFailure {
		s.broadcast(event{"ok", []byte("{}")})
		s.reload([]string{"*"})
	} else if !early {
		s.reload(changedPages(res.Written, res.Removed))
	}
	fmt.Fprintf(s.log, "rebuilt %d files in %s after %s\n", len(res.Written)+len(res.Removed), time.Since(start).Round(time.Millisecond), strings.Join(changed, ", "))
}

func (s *Server) reload(pages []string) {
	data, _ := json.Marshal(pages)
	s.broadcast(event{"reload", data})
}

// fail shows err in every open tab and in the log.
func (s *Server) fail(err error) {
	s.setFailure(err)
	fmt.Fprintf(s.log, "%v\n", err)
	s.mu.Lock()
	data, _ := json.Marshal(s.failure)
	s.mu.Unlock()
	s.broadcast(event{"failure", data})
}

// changedPages lists the URL paths a tab may be showing that changed ("*"
// when a shared asset changed, so every tab reloads).
func changedPages(written, removed []string) []string {
	pages := []string{}
	add := func(p string) {
		switch {
		case strings.HasPrefix(p, "assets/"):
			pages = append(pages, "*")
		case p == "index.html":
			pages = append(pages, "/")
		case strings.HasSuffix(p, "/index.html"):
			pages = append(pages, "/"+strings.TrimSuffix(p, "index.html"))
		case strings.HasSuffix(p, ".html"):
			pages = append(pages, "/"+p)
		}
	}
	for _, p := range written {
		add(p)
	}
	for _, p := range removed {
		add(p)
	}
	return pages
}

func (s *Server) broadcast(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a stuck tab does not hold up the others
		}
	}
}

// Watch rebuilds on every batch of edits under root until ctx ends.
func (s *Server) Watch(ctx context.Context, root string) error {
	w, err := watch.New(root, 10*time.Millisecond)
	if err != nil {
		return err
	}
	defer w.Close()
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch := <-w.Changes:
			s.Rebuild(batch)
		case err := <-w.Errors:
			fmt.Fprintf(s.log, "watch: %v\n", err)
		}
	}
}

// ListenAndServe serves on addr until ctx ends, then shuts down cleanly.
func (s *Server) ListenAndServe(ctx context.Context, l net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		s.mu.Lock()
		for c := range s.clients {
			close(c)
			delete(s.clients, c)
		}
		s.mu.Unlock()
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ServeHTTP serves the live-reload endpoints and the output folder.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !checkHost(w, r) {
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_docgen/events":
		s.events(w, r)
		return
	case "/_docgen/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		io.WriteString(w, liveJS)
		return
	case "/":
		s.redirectToLanguage(w, r)
		return
	}
	s.file(w, r)
}

// redirectToLanguage sends "/" to the language the browser prefers.
func (s *Server) redirectToLanguage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	m, codes := s.matcher, s.codes
	s.mu.Unlock()
	if m == nil {
		s.file(w, r)
		return
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	code := codes[0]
	if len(tags) > 0 {
		if _, i, conf := m.Match(tags...); conf != language.No {
			code = codes[i]
		}
	}
	w.Header().Set("Vary", "Accept-Language")
	w.Header().Set("Cache-Control", "no-cache")
	redirect(w, r, "/"+code+"/", http.StatusFound)
}

// file serves a file of the output folder. os.Root refuses any name that
// would leave the folder, through ".." or a symbolic link.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Path
	if strings.Contains(name, "\x00") || strings.Contains(name, "\\") {
		s.notFound(w, r)
		return
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			s.notFound(w, r)
			return
		}
	}
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if name == "" {
		name = "."
	}
	root, err := os.OpenRoot(s.out)
	if err != nil {
		http.Error(w, "output folder missing", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	fi, err := root.Stat(name)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirect(w, r, "/"+name+"/", http.StatusMovedPermanently) // the cleaned name: "//en" is not a host
			return
		}
		name = path.Join(name, "index.html")
	}
	data, err := root.ReadFile(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	s.send(w, r, name, data, http.StatusOK)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(s.out, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.send(w, r, "404.html", data, http.StatusNotFound)
}

func (s *Server) send(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".html":
		ctype = "text/html; charset=utf-8"
		data = inject(data)
	case ".json":
		ctype = "application/json"
	case ".xml":
		ctype = "application/xml; charset=utf-8"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(name, "assets/") {
		h.Set("Cache-Control", "public, max-age=31536000, immutable") // fingerprinted names
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the live-reload script before </body>.
func inject(html []byte) []byte {
	tag := []byte(`<script src="/_docgen/live.js"></script>`)
	i := bytes.LastIndex(html, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, html...), tag...)
	}
	out := make([]byte, 0, len(html)+len(tag))
	out = append(out, html[:i]...)
	out = append(out, tag...)
	return append(out, html[i:]...)
}

// events streams reload and failure events to one tab.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	c := make(chan event, 16)
	s.mu.Lock()
	s.clients[c] = true
	failure := s.failure
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	io.WriteString(w, ": connected\n\n")
	if failure != nil {
		data, _ := json.Marshal(failure)
		writeEvent(w, event{"failure", data})
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, e)
			fl.Flush()
		}
	}
}

func writeEvent(w io.Writer, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}

// Out returns the folder being served.
func (s *Server) Out() string { return s.out }
