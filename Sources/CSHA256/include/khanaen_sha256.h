#ifndef KHANAEN_SHA256_H
#define KHANAEN_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of FIPS 180-4, for the portable rounds as well.
const uint32_t *khanaen_sha256_round_constants(void);

/// 1 when this CPU has the SHA extensions (x86-64 SHA-NI), else 0.
int khanaen_sha256_hw_available(void);

/// Runs SHA-256's compression over `blocks` 64-byte blocks of `data` into `state`
/// (eight words, h0 first). Only call when khanaen_sha256_hw_available() is 1.
void khanaen_sha256_hw_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The SHA-256 of prefix ‖ body ‖ last, where prefix is 32 bytes: a ledger line's hash
/// (the previous line's hash, the line's canonical bytes without their final byte, then
/// that byte). Only call when khanaen_sha256_hw_available() is 1.
/// The result is the eight state words, h0 first.
void khanaen_sha256_hw_line(const uint8_t prefix[32], const uint8_t *body, size_t body_length, uint8_t last, uint32_t out[8]);

/// Two lines' hashes as khanaen_sha256_hw_line gives them, computed at once: a third less
/// time than one after the other.
void khanaen_sha256_hw_lines2(const uint8_t prefix_a[32], const uint8_t *body_a, size_t length_a,
                              const uint8_t prefix_b[32], const uint8_t *body_b, size_t length_b,
                              uint8_t last, uint32_t out_a[8], uint32_t out_b[8]);

#endif
