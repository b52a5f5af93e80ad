package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets test scripts run docgen in-process as the "docgen" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
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
