#ifndef KHANAEN_QRENCODE_H
#define KHANAEN_QRENCODE_H
// libqrencode for the QR code in every printed page's footer, opened (dlopen) when a page is
// printed, never linked, as Pango is (docs/printing.md). The declarations are libqrencode 4's
// own, its enums as int.
#include <stddef.h>

typedef struct {
    int version;
    int width;
    // width × width modules, row by row; bit 0 of each is 1 for a dark module.
    unsigned char *data;
} KhanaenQRcode;

typedef struct {
    KhanaenQRcode *(*QRcode_encodeString8bit)(const char *string, int version, int level);
    void (*QRcode_free)(KhanaenQRcode *qrcode);
} KhanaenQRencode;

/// The functions of `library` (libqrencode.so.4), or 0 with the reason in `error`.
int khanaen_qrencode_open(const char *library, KhanaenQRencode *table, char *error, size_t capacity);

#endif
