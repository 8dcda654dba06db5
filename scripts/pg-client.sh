#!/bin/sh
# Gathers PostgreSQL's pg_dump and pg_restore, with the libraries they load beyond the C
# library, into one folder that runs anywhere on the same Debian release. The image takes them
# from the official image of the compose file's server (postgres:16, Debian 12 like ours):
# Debian 12's own client is PostgreSQL 15, and pg_dump refuses a newer server.
# Usage: pg-client.sh <folder of pg_dump> <destination>; then <destination>/bin/pg_dump ...
set -eu
source_bin=$1
destination=$2
mkdir -p "$destination/bin" "$destination/libexec" "$destination/lib"
for tool in pg_dump pg_restore; do
  cp "$source_bin/$tool" "$destination/libexec/$tool"
  ldd "$source_bin/$tool" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r library; do
    case "$(basename "$library")" in
      libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | librt.so.* | ld-linux*) ;;
      *) cp -L "$library" "$destination/lib/" ;;
    esac
  done
  printf '#!/bin/sh\nLD_LIBRARY_PATH=%s/lib exec %s/libexec/%s "$@"\n' \
    "$destination" "$destination" "$tool" > "$destination/bin/$tool"
  chmod 755 "$destination/bin/$tool"
done
"$destination/bin/pg_dump" --version
