# find_package(retouche): retouche::retouche (shared) and retouche::retouche_static.
# The static library needs the libraries retouche uses, found as the build found them.
include(CMakeFindDependencyMacro)
find_dependency(Threads)
find_dependency(ICU COMPONENTS uc i18n)
find_dependency(ZLIB)
find_dependency(OpenSSL COMPONENTS Crypto)
find_dependency(PkgConfig)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
include(${CMAKE_CURRENT_LIST_DIR}/retoucheTargets.cmake)
