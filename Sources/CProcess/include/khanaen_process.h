#ifndef KHANAEN_PROCESS_H
#define KHANAEN_PROCESS_H
// Process-wide settings that Swift cannot reach (glibc's malloc.h is not in its Glibc module).

/// Makes malloc grow its heaps by `bytes` more than asked for each time. Returns 1 on success.
int khanaen_malloc_top_pad(int bytes);

/// Gives standard output a buffer of `bytes`, written out when full or at exit.
void khanaen_buffer_stdout(int bytes);
#endif
