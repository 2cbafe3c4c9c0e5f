#include "cli/app.h"

int main(int argc, char** argv) { return securebase::cli::Main(argc, argv); }
