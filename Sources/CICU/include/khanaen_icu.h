#ifndef KHANAEN_ICU_H
#define KHANAEN_ICU_H
// ICU for Khanaen: Thai collation and the fallback word breaker, behind plain C types.
// ICU's own headers stay in khanaen_icu.c: imported into Swift they clash with the copy
// of ICU that Foundation carries, and its C names are renamed by version (ubrk_open_72).
#include <stdint.h>

/// Whether ICU could be opened (it is loaded on first use; without it, code-point order and
/// no dictionary breaks).
int khanaen_icu_available(void);

/// A collator for `locale`, or NULL.
void *khanaen_collator_open(const char *locale);

/// <0, 0 or >0, comparing two UTF-8 strings.
int khanaen_collator_compare_utf8(void *collator, const char *a, int32_t alen, const char *b, int32_t blen);

/// Fills `out` with the UTF-16 offsets of the word boundaries of `text` (0 excluded) and
/// returns how many there are, or -1 when ICU has no break iterator.
int32_t khanaen_word_breaks(const uint16_t *text, int32_t len, int32_t *out, int32_t cap);
#endif
