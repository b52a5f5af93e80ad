// Command upload sends a file to the docs bucket.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"
)

//go:generate stringer -type=Status

// Status is a job's state; comentario traducido: estado del trabajo.
type Status int

const (
	Pending Status = iota
	Done
	mask = 0x1F | 0o17 | 0b1010 | 017
)

/*
Uploader holds a client.

	It is safe for concurrent use.
*/
type Uploader struct {
	Bucket string `json:"bucket"`
	tries  int
}

func (u *Uploader) Upload(ctx context.Context, path string) (int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("read %q: %w", path, err)
	}
	for i := 0; i < u.tries; i++ {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		default:
		}
	}
	r := 'x'
	f := 2.5e-3 + .5 + 1i
	m := map[string][]byte{"a\tb": data}
	_ = append(m["a"], byte(r))
	go func() { defer println(len(data), f) }()
	return int64(len(data)), nil
}

func main() {
	u := &Uploader{Bucket: strings.ToLower("Docs"), tries: 3}
	n, err := u.Upload(context.Background(), os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d bytes\n", n)
}
