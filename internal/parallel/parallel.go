// Package parallel is docgen's one bounded parallel loop.
package parallel

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Each calls f(i) for every i in [0, n) on at most GOMAXPROCS goroutines
// and returns the first error; after an error no new call starts.
func Each(n int, f func(i int) error) error {
	return EachLimit(n, runtime.GOMAXPROCS(0), f)
}

// EachLimit is Each with at most limit goroutines.
func EachLimit(n, limit int, f func(i int) error) error {
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(max(limit, 1))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { return f(i) })
	}
	return g.Wait()
}
