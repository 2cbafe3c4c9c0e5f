# The two commands that do everything on a fresh Debian 12 machine:
#   make run    install missing dependencies, build, start SecureBase
#   make test   install missing dependencies, build, run every test through ctest
BUILD ?= build
CMAKE_FLAGS ?=
ifeq ($(CI),true)
  CMAKE_FLAGS += -DSECUREBASE_WERROR=ON
endif

.PHONY: all deps build run test bench clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD)

run: build
	$(BUILD)/securebase assess take

test: build
	cd $(BUILD) && ctest --output-on-failure --timeout 600

bench: build
	bench/run

clean:
	rm -rf $(BUILD)
