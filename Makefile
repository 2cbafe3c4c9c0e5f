# The two commands that do everything on a fresh Debian 12 machine:
#   make run    install missing dependencies, build, start SecureBase in the browser
#   make test   install missing dependencies, build, run every test through ctest
BUILD ?= build
PORT ?= 8642
CMAKE_FLAGS ?=
ifeq ($(CI),true)
  CMAKE_FLAGS += -DSECUREBASE_WERROR=ON
endif
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json

.PHONY: all deps web build run cli test bench clean

all: build

deps:
	@scripts/install-deps

# npm packages come from the committed lockfiles; reinstalled only when a lockfile changes.
web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@
tests/browser/node_modules/.installed: tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	@touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web: deps web/dist/index.html

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: deps web $(BUILD)/build.ninja
	cmake --build $(BUILD)

# The web app on this machine; the address to open is printed.
run: build
	$(BUILD)/securebase serve --port $(PORT)

# The questionnaire in the terminal instead.
cli: build
	$(BUILD)/securebase assess take

test: build tests/browser/node_modules/.installed
	cd $(BUILD) && ctest --output-on-failure --timeout 900

bench: build
	BUILD=$(BUILD) bench/run

clean:
	rm -rf $(BUILD) web/dist
