package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/docgen/docgen/internal/atomicfile"
	"github.com/docgen/docgen/internal/pipeline"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts pipeline.Options
	fs.StringVar(&opts.Config, "config", "", "configuration file (default config.toml in the site folder)")
	fs.StringVar(&opts.Out, "out", "", "output folder (default public)")
	fs.StringVar(&opts.Root, "root", ".", "site folder holding content/, locales/ and layouts/")
	fs.BoolVar(&opts.Drafts, "drafts", false, "also publish guides marked draft = true")
	fs.StringVar(&opts.BaseURL, "base-url", "", "publish for this URL instead of config.toml's base_url (preview deployments)")
	quiet := fs.Bool("quiet", false, "print errors only")
	verbose := fs.Bool("verbose", false, "also print each stage's time and the external links (not fetched)")
	fs.BoolVar(&opts.Force, "force", false, "build everything from scratch, reusing nothing of the last build")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof reads it)")
	memprofile := fs.String("memprofile", "", "write the build's allocation profile to this file when it ends (go tool pprof reads it)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen build: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *quiet && *verbose {
		fmt.Fprintln(stderr, "docgen build: --quiet and --verbose cannot be used together")
		return 2
	}
	var prog *progress
	if !*quiet && isTerminal(stderr) {
		prog = &progress{w: stderr}
		opts.Progress = prog.update
	}
	for _, path := range []string{*cpuprofile, *memprofile} {
		if err := checkProfilePath(path); err != nil {
			fmt.Fprintf(stderr, "docgen build: %v\n", err)
			return 2
		}
	}
	if *cpuprofile != "" {
		var prof bytes.Buffer
		if err := pprof.StartCPUProfile(&prof); err != nil {
			fmt.Fprintf(stderr, "docgen build: %v\n", err)
			return 1
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := atomicfile.WriteFile(*cpuprofile, prof.Bytes(), 0o644); err != nil {
				fmt.Fprintf(stderr, "docgen build: %v\n", err)
			}
		}()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10 // a sample per 64 KiB allocated (default 512 KiB)
		defer func() {
			var prof bytes.Buffer
			err := pprof.Lookup("allocs").WriteTo(&prof, 0)
			if err == nil {
				err = atomicfile.WriteFile(*memprofile, prof.Bytes(), 0o644)
			}
			if err != nil {
				fmt.Fprintf(stderr, "docgen build: %v\n", err)
			}
		}()
	}
	report, err := pipeline.Run(opts)
	prog.clear()
	if err != nil {
		fmt.Fprintf(stderr, "%v\n\ndocgen build: failed; the previous output was left as it was\n", err)
		return 1
	}
	if !*quiet {
		printReport(stdout, report)
	}
	if *verbose && !report.UpToDate {
		for _, st := range report.Stages {
			fmt.Fprintf(stdout, "  %-22s %s\n", st.Name, st.Duration.Round(time.Millisecond))
		}
		fmt.Fprintf(stdout, "%d external links (listed, not fetched):\n", len(report.ExternalLinks))
		for _, l := range report.ExternalLinks {
			fmt.Fprintf(stdout, "  %s\n", l)
		}
	}
	return 0
}

// checkProfilePath refuses a profile path that names a file other than
// a profile (a gzip file, as pprof writes them): a mistyped flag must not
// replace a page or the configuration. An empty path is no profile.
func checkProfilePath(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	magic := make([]byte, 2)
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file; give a new file's name for the profile", path)
	}
	if _, err := io.ReadFull(f, magic); err != nil || magic[0] != 0x1f || magic[1] != 0x8b {
		return fmt.Errorf("%s exists and is not a profile; give a new file's name for the profile", path)
	}
	return nil
}

// progress draws one status line on a terminal while a build runs, at most
// ten times a second; it is never written to files or pipes.
type progress struct {
	w    io.Writer
	mu   sync.Mutex
	last time.Time
	drew bool
}

func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || done == total {
		p.last = now
		p.drew = true
		fmt.Fprintf(p.w, "\r\033[K%s %d/%d", stage, done, total)
	}
}

func (p *progress) clear() {
	if p != nil && p.drew {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// printReport writes the warnings and a line per language.
func printReport(w io.Writer, r *pipeline.Report) {
	if r.UpToDate {
		fmt.Fprintf(w, "nothing changed since the last build; the output is up to date (checked in %s; --force rebuilds)\n", r.Duration.Round(1e6))
		return
	}
	for _, d := range r.Warnings {
		fmt.Fprintln(w, d.Error())
	}
	for _, l := range r.Languages {
		missing := ""
		if len(l.Missing) > 0 {
			missing = " (" + strings.Join(l.Missing, ", ") + ")"
		}
		stale := ""
		if l.Stale > 0 {
			stale = fmt.Sprintf(", %d stale", l.Stale)
		}
		if l.Drafts > 0 {
			stale += fmt.Sprintf(", %d draft", l.Drafts)
		}
		fmt.Fprintf(w, "%-6s %d pages: %d translated, %d fallback%s; %d missing messages%s\n",
			l.Code, l.Pages, l.Translated, l.Fallback, stale, len(l.Missing), missing)
	}
	fmt.Fprintf(w, "built %d files (%d written; %d pages parsed, %d reused from the last build) in %s into %s (view it with: docgen serve)\n",
		r.Files, r.Written, r.Parsed, r.Reused, r.Duration.Round(1e6), r.Out)
}
