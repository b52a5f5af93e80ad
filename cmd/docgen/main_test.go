package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/docgen/docgen/internal/catalog"
)

// TestMain lets test scripts run docgen in-process as the "docgen" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		// docgen-test-translate FILE ID TEXT sets message ID's text in a
		// catalog, as a translator (or a writer, in en.toml) would.
		"docgen-test-translate": func() {
			file, id, text := os.Args[1], os.Args[2], os.Args[3]
			data, err := os.ReadFile(file)
			if err != nil {
				panic(err)
			}
			msgs, err := catalog.Parse(file, data)
			if err != nil {
				panic(err)
			}
			for _, m := range msgs {
				if m.ID == id {
					m.Other = text
				}
			}
			if err := os.WriteFile(file, catalog.Marshal(catalog.Header(data), msgs), 0o644); err != nil {
				panic(err)
			}
			os.Exit(0)
		},
	})
}

var update = flag.Bool("update", false, "rewrite the want files of test scripts from what docgen wrote (review the diff)")

// TestScripts runs testdata/script/*.txtar. Each script gets the repository's
// layouts in $WORK/layouts, and its English catalog unless it brings one.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			if err := os.CopyFS(env.WorkDir+"/layouts", os.DirFS("../../layouts")); err != nil {
				return err
			}
			if _, err := os.Stat(env.WorkDir + "/locales/en.toml"); err == nil {
				return nil
			}
			data, err := os.ReadFile("../../locales/en.toml")
			if err != nil {
				return err
			}
			if err := os.MkdirAll(env.WorkDir+"/locales", 0o755); err != nil {
				return err
			}
			return os.WriteFile(env.WorkDir+"/locales/en.toml", data, 0o644)
		},
	})
}
