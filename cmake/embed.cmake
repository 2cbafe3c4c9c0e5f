# securebase_embed(TARGET FUNC DIR PREFIX): a static library with one function,
#   std::span<const securebase::EmbeddedFile> securebase::embedded::FUNC();
# listing every file below DIR as "PREFIX/relative/path" with its bytes.
# The generated source is rebuilt when any file below DIR changes.
function(securebase_embed target func dir prefix)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS "${dir}/*")
  list(FILTER files EXCLUDE REGEX "(/node_modules/|~$|\\.swp$)")
  set(out "${CMAKE_BINARY_DIR}/generated/${target}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDIR=${dir} -DPREFIX=${prefix} -DFUNC=${func}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${prefix} files")
  add_library(${target} STATIC "${out}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/src")
endfunction()
