package translate

import (
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/docgen/docgen/internal/content"
)

// version is one committed version of a source page.
type version struct {
	Commit string
	Date   time.Time
	Hash   string // content.HashBody of its body; "" when it did not parse
	Body   string
}

// walkHistory calls visit with each committed version of a page (path
// relative to the site root), newest first, until visit returns false. It
// asks git (git log, then git show for each version visited); without git
// or history it visits nothing.
func walkHistory(root, path string, visit func(v version) bool) {
	cmd := exec.Command("git", "log", "--format=%H %cI", "--", path)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		commit, date, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		show := exec.Command("git", "show", commit+":./"+path)
		show.Dir = root
		data, err := show.Output()
		if err != nil {
			continue // deleted in that commit
		}
		v := version{Commit: commit}
		v.Date, _ = time.Parse(time.RFC3339, date)
		if p, err := content.Parse(path, "", "", data); err == nil {
			v.Hash, v.Body = p.Hash, string(p.Body)
		}
		if !visit(v) {
			return
		}
	}
}

// snapshotFile is where docgen keeps the English body a translation was
// accepted against, for sites without git history.
func snapshotFile(slug, hash string) string {
	return WorkDir + "/sources/" + slug + "/" + strings.ReplaceAll(hash, ":", "-") + ".md"
}

// snapshot records body as the English of slug with hash, once.
func (s *Site) snapshot(slug, hash string, body []byte) error {
	rel := snapshotFile(slug, hash)
	if _, err := os.Stat(s.path(rel)); err == nil {
		return nil
	}
	_, err := s.writeFile(rel, body)
	return err
}

// synced finds the English body whose hash a translation records: in git
// history first, then in docgen's snapshots. from says where it was found
// ("commit 1a2b3c4, 2025-09-03" or "snapshot"); ok is false when neither
// has it.
func (s *Site) synced(slug, sourcePath, hash string) (body, from string, ok bool) {
	walkHistory(s.root, sourcePath, func(v version) bool {
		if v.Hash == hash {
			body, from, ok = v.Body, "commit "+v.Commit[:min(12, len(v.Commit))]+", "+v.Date.UTC().Format("2006-01-02"), true
		}
		return !ok
	})
	if ok {
		return body, from, ok
	}
	data, err := os.ReadFile(s.path(snapshotFile(slug, hash)))
	if err == nil && content.HashBody(data) == hash {
		return string(data), "snapshot " + snapshotFile(slug, hash), true
	}
	return "", "", false
}

// SourceChanged returns when the English text of a page changed away from
// the version a translation records (its source_hash): the date of the
// first commit after that version whose body differs. root is the site
// folder and sourcePath the English page relative to it
// ("content/<slug>/en.md"). ok is false when git cannot tell (no history,
// the recorded version is not in it, or the change is not committed yet);
// show the page's own date then.
func SourceChanged(root, sourcePath, recordedHash string) (date time.Time, ok bool) {
	// Newest first: remember the last version that differs, until the
	// recorded one turns up.
	var newer time.Time
	walkHistory(root, sourcePath, func(v version) bool {
		if v.Hash == recordedHash {
			date, ok = newer, !newer.IsZero()
			return false
		}
		newer = v.Date.UTC()
		return true
	})
	return date, ok
}
