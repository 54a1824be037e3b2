#!/usr/bin/env bash
# Installs what Khanaen needs beyond the Swift toolchain, where it is missing:
# ICU and ncursesw headers (build), libthai's runtime (Thai word breaks), tmux (end-to-end tests),
# an SSH server and client (the chair console's end-to-end test), poppler's pdftotext and unzip (text
# of submitted files), for the import tests zip, pango-view and a Thai font, and for printing Pango, Cairo,
# Laksaman and libqrencode (with zbarimg to read the QR codes back in the tests). Safe to run again.
set -euo pipefail
need=()
[ -e /usr/include/unicode/ucol.h ] || need+=(libicu-dev)
[ -e /usr/include/ncursesw/curses.h ] || [ -e /usr/include/curses.h ] || need+=(libncurses-dev)
ldconfig -p 2>/dev/null | grep -q 'libthai.so.0' || need+=(libthai0 libthai-data)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v tmux >/dev/null || need+=(tmux)
command -v script >/dev/null || need+=(bsdutils)
# The chair console's end-to-end test logs in over a real SSH server on 127.0.0.1.
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null || need+=(openssh-client)
# `khanaen access apply` makes groups (groupadd, gpasswd) and sets append-only flags (chattr);
# the access tests make logins with useradd and run commands as them with runuser.
command -v gpasswd >/dev/null || need+=(passwd)
command -v chattr >/dev/null || need+=(e2fsprogs)
command -v runuser >/dev/null || need+=(util-linux)
# `khanaen import` takes the text of PDFs with pdftotext and of Office files with unzip.
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v unzip >/dev/null || need+=(unzip)
# The import tests make Office files with zip and a Thai PDF with pango-view and a Thai font.
command -v zip >/dev/null || need+=(zip)
command -v pango-view >/dev/null || need+=(pango1.0-tools)
fc-list :lang=th 2>/dev/null | grep -q . || need+=(fonts-tlwg-garuda-ttf)
# (grep reads the whole list, not -q: under pipefail the lister cut off by -q would count as missing.)
# `khanaen print` sets Thai A4 PDF with Pango and Cairo (opened when printing, not linked) in Laksaman;
# its tests read the PDF back with pdftotext and pdffonts (poppler-utils, above).
ldconfig -p 2>/dev/null | grep 'libpangocairo-1.0.so.0' >/dev/null || need+=(libpango1.0-dev libcairo2-dev)
fc-list 2>/dev/null | grep 'Laksaman' >/dev/null || need+=(fonts-tlwg-laksaman)
# The QR code of each page's verification line is drawn with libqrencode (opened when printing, not
# linked; without it the pages carry no QR and `print` says so); its test reads the code back with zbarimg.
ldconfig -p 2>/dev/null | grep 'libqrencode.so.4' >/dev/null || need+=(libqrencode4)
command -v zbarimg >/dev/null || need+=(zbar-tools)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# The durability test watches the order of fsync and write with strace.
command -v strace >/dev/null || need+=(strace)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
