# Wharf: `make run` installs what is missing, builds, installs, starts the daemon and runs a container;
# `make test` does the same setup and runs every test. See README.md.
SHELL := /bin/bash
export DOTNET_NOLOGO := 1
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

PREFIX      ?= /usr/local
LIBDIR      ?= $(PREFIX)/lib/wharf
OUT         := out
CONFIG      ?= Release
RID         := linux-x64
# Debian packages the build, the daemon and the tests need.
DEB_PACKAGES := runc conmon busybox-static iproute2 nftables catatonit tini clang zlib1g-dev curl bc util-linux procps

.PHONY: all deps build install daemon image run test unit clean bench

all: build

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

build: deps
	dotnet publish src/Wharf.Cli -c $(CONFIG) -r $(RID) -o $(OUT) --nologo -v quiet
	dotnet publish src/Wharf.Daemon -c $(CONFIG) -r $(RID) -o $(OUT) --nologo -v quiet
	@# Leftovers of the JIT-compiled daemon that earlier builds put here.
	@rm -rf $(OUT)/*.dll $(OUT)/*.pdb $(OUT)/*.xml $(OUT)/*.deps.json $(OUT)/*.runtimeconfig.json $(OUT)/runtimes
	@test -x $(OUT)/wharf && test -x $(OUT)/wharfd && echo "built $(OUT)/wharf (NativeAOT) and $(OUT)/wharfd"

install: build
	install -d $(LIBDIR)
	@# Both programs are native; the daemon needs SQLite's library next to it. Drop files of older builds.
	rm -rf $(LIBDIR)/*.dll $(LIBDIR)/*.pdb $(LIBDIR)/*.xml $(LIBDIR)/*.json $(LIBDIR)/runtimes $(LIBDIR)/*.dbg
	install -m 0755 -T $(OUT)/wharfd $(LIBDIR)/wharfd.new && mv -f $(LIBDIR)/wharfd.new $(LIBDIR)/wharfd
	install -m 0755 -T $(OUT)/libe_sqlite3.so $(LIBDIR)/libe_sqlite3.so.new && mv -f $(LIBDIR)/libe_sqlite3.so.new $(LIBDIR)/libe_sqlite3.so
	install -m 0755 -T $(OUT)/wharf $(PREFIX)/bin/wharf.new && mv -f $(PREFIX)/bin/wharf.new $(PREFIX)/bin/wharf
	ln -sfn $(LIBDIR)/wharfd $(PREFIX)/bin/wharfd

# Makes sure the installed daemon runs (restarting it when the binaries changed).
daemon: install
	@scripts/ensure-daemon.sh

# Makes sure busybox:latest exists: Debian's static busybox imported as a one-layer image.
image: daemon
	@[ -n "$$(wharf images -q busybox:latest 2>/dev/null)" ] || scripts/busybox-rootfs-tar.sh | wharf import -c 'CMD ["sh"]' - busybox:latest

run: image
	wharf run --rm busybox echo hello from wharf

test: image
	@scripts/run-tests.sh

unit: deps
	@scripts/run-tests.sh --unit

bench: image
	@bench/run.sh
	@bench/concurrent.sh

clean:
	rm -rf $(OUT) src/*/bin src/*/obj tests/*/bin tests/*/obj .build
