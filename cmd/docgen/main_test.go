package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/docgen/docgen/internal/catalog"
)

// TestMain lets test scripts run docgen in-process as the "docgen" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		// docgen-test-treehash PATH... prints one line per file below the
		// paths with a digest of its bytes, so a script can show that a
		// command left them byte for byte as they were.
		"docgen-test-treehash": func() { os.Exit(treeHash(os.Stdout, os.Args[1:])) },
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
		// [mountns]: this process may make a private mount namespace and
		// mount in it (root, with unshare), for the mount-point script.
		Condition: func(cond string) (bool, error) {
			if cond != "mountns" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			return exec.Command("unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt").Run() == nil, nil
		},
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

// treeHash writes "path sha256" for every file below paths, in order.
func treeHash(w io.Writer, paths []string) int {
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type()&fs.ModeSymlink != 0 {
				target, _ := os.Readlink(p)
				fmt.Fprintf(w, "%s -> %s\n", filepath.ToSlash(p), target)
				return nil
			}
			if d.IsDir() {
				fmt.Fprintf(w, "%s/\n", filepath.ToSlash(p))
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%s %x\n", filepath.ToSlash(p), sha256.Sum256(data))
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}
