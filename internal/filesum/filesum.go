// Package filesum gives the checksum docgen records for every file it
// writes: the next build compares it to skip unchanged files, and the search
// index hash is made of it.
package filesum

import "hash/crc32"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Sum64 is a 64-bit checksum of b: CRC-32C in the high half and CRC-32
// (IEEE) in the low half. Both polynomials are computed by the processor
// on amd64 and arm64, so a page costs microseconds; and since they are
// coprime, a change escapes both halves only when it is a multiple of
// their product, as likely as with one 64-bit CRC. It must not depend on
// the process: builds save it.
func Sum64(b []byte) uint64 {
	return uint64(crc32.Checksum(b, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(b))
}
