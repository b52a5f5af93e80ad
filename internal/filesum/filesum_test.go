package filesum

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

// The halves are the two standard CRC-32s, so another tool can check a
// recorded sum.
func TestSum64Halves(t *testing.T) {
	for _, s := range []string{"", "a", "123456789", "<p>سلام</p>\n"} {
		got := Sum64([]byte(s))
		if hi, lo := uint32(got>>32), uint32(got); hi != crc32.Checksum([]byte(s), crc32.MakeTable(crc32.Castagnoli)) || lo != crc32.ChecksumIEEE([]byte(s)) {
			t.Errorf("Sum64(%q) = %016x: halves are not CRC-32C and CRC-32", s, got)
		}
	}
	// Known values of the check string.
	if got := Sum64([]byte("123456789")); got != 0xe3069283cbf43926 {
		t.Errorf("Sum64(check) = %016x, want e3069283cbf43926", got)
	}
}

// A change of one byte anywhere in a page-sized file changes the sum.
func TestSum64SeesOneByte(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 40000)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	base := Sum64(b)
	for range 2000 {
		i := r.IntN(len(b))
		old := b[i]
		b[i] ^= byte(1 + r.IntN(255))
		if Sum64(b) == base {
			t.Fatalf("changing byte %d left the sum %016x", i, base)
		}
		b[i] = old
	}
}

func BenchmarkSum64(b *testing.B) {
	buf := make([]byte, 35000) // a guide page
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		Sum64(buf)
	}
}
