// Command docgen builds a multilingual documentation site from Markdown
// guides, per-language message catalogs and HTML layouts.
//
// Usage:
//
//	docgen init [DIR] [--languages en,fr,...]             start a new multilingual site
//	docgen build [--config config.toml] [--out public]   render the site into public/ [--drafts]
//	docgen serve [--addr 127.0.0.1:1313] [--open]         live preview while editing [--drafts]
//	docgen new guide <slug> | new --translate <lang> <page>
//	docgen i18n check|extract|merge|status|diff           translators' tools
//	docgen bench-corpus --n 200 --out DIR                 synthetic docgen + Hugo sites for bench/compare.sh
//	docgen version                                        print the version
//	docgen help                                           show this help
//
// Run it in the site's folder (the one holding config.toml and content/;
// layouts/ and locales/ only to override the built-in theme), or pass
// --root; every command that reads a site takes --root and --config. Errors name the file and line and say what to do;
// a failed build leaves the previous output untouched.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

// command is one docgen subcommand.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"build":        {"render the site into the output folder", runBuild},
		"bench-corpus": {"generate a synthetic multilingual site (docgen and Hugo) for benchmarks", runBenchCorpus},
		"i18n":         {"check, extract and merge translations; show translation status", runI18n},
		"init":         {"start a new site in a folder: config, guides in your languages", runInit},
		"new":          {"create a guide or a translation skeleton", runNew},
		"serve":        {"build, serve and live-reload the site while you edit", runServe},
		"theme":        {"copy built-in theme files into the site to edit them (theme eject)", runTheme},
		"version":      {"print docgen's version", func(_ []string, out, _ io.Writer) int { fmt.Fprintln(out, "docgen", versionString()); return 0 }},
	}
}

// versionString returns the link-time version, else the module version and
// VCS revision recorded by the Go toolchain.
func versionString() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v + " " + info.GoVersion
}

func main() {
	limitMemory()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// defaultMemoryLimit is the heap size above which the garbage collector
// works harder (a soft limit: a site that needs more still builds).
// docgen's steady heap is small (page facts; bodies wait on disk), but
// the collector's default lets the heap grow to twice what is live; the
// limit keeps large sites' peak near what they use. GOMEMLIMIT overrides it.
const defaultMemoryLimit = 640 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		usage(stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "docgen: unknown command %q\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "docgen builds a multilingual documentation site.")
	fmt.Fprintln(w, "\nUsage: docgen <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'docgen <command> --help' for a command's flags.")
}
