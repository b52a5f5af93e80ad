package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/docgen/docgen/internal/pipeline"
	"github.com/docgen/docgen/internal/serve"
)

// runServe builds the site, serves it on loopback and rebuilds on every edit
// until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docgen serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts pipeline.Options
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on (loopback by default)")
	open := fs.Bool("open", false, "open the site in the default browser")
	fs.StringVar(&opts.Config, "config", "", "configuration file (default config.toml in the site folder)")
	fs.StringVar(&opts.Out, "out", "", "output folder (default public)")
	fs.StringVar(&opts.Root, "root", ".", "site folder holding content/, locales/ and layouts/")
	fs.BoolVar(&opts.Drafts, "drafts", false, "also publish guides marked draft = true")
	fs.StringVar(&opts.BaseURL, "base-url", "", "publish for this URL instead of config.toml's base_url (preview deployments)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	srv, err := serve.New(opts, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n\ndocgen serve: stopped; nothing was served and the output folder was left as it was\n", err)
		return 1
	}
	defer srv.Close()
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return 1
	}
	url := "http://" + l.Addr().String() + "/"
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", srv.Out(), url)
	if *open {
		_ = exec.Command("xdg-open", url).Start() // best effort
	}
	go func() {
		if err := srv.Watch(ctx, opts.Root); err != nil {
			fmt.Fprintf(stderr, "docgen serve: watch: %v\n", err)
		}
	}()
	if err := srv.ListenAndServe(ctx, l); err != nil {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
