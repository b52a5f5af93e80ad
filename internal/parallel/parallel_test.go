package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	seen := make([]atomic.Int32, 1000)
	if err := EachLimit(len(seen), 3, func(i int) error { seen[i].Add(1); return nil }); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Fatalf("index %d visited %d times", i, n)
		}
	}
}

func TestEachBoundsConcurrency(t *testing.T) {
	var cur, peak atomic.Int32
	_ = EachLimit(200, 2, func(int) error {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		for range 1000 {
		}
		cur.Add(-1)
		return nil
	})
	if p := peak.Load(); p > 2 {
		t.Fatalf("%d calls ran at once; the limit is 2", p)
	}
}

func TestEachStopsAfterError(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int32
	err := EachLimit(100000, 1, func(i int) error {
		calls.Add(1)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if n := calls.Load(); n > 10 {
		t.Fatalf("%d calls after an error at the 4th; no new call should start", n)
	}
}
