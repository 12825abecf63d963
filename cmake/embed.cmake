# SPDX-License-Identifier: MIT
# entente_embed_files(OUT_CC VAR_PREFIX files...): generates a .cc that defines
#   const entente::EmbeddedFile k<VAR_PREFIX>Files[]; and its count,
# holding each file's bytes, so the binary reads nothing from disk at run time.
function(entente_embed_files out_cc symbol)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cc}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cc} -DSYMBOL=${symbol} "-DFILES=${files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
