# SPDX-License-Identifier: MIT
# entente_layer(NAME DEPS ...): one library per folder of src/entente, built from every .cc in
# the folder except tests; every *_test.cc in the folder becomes one test binary NAME_test.
# Layers link only the layers below them (see docs/architecture.md), so a wrong arrow fails
# the build.
function(entente_layer name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(tests)
    list(REMOVE_ITEM srcs ${tests})
  endif()
  add_library(entente_${name} ${srcs})
  target_link_libraries(entente_${name} PUBLIC ${ARG_DEPS})
  entente_set_warnings(entente_${name})
  if(ENTENTE_BUILD_TESTS AND tests)
    entente_add_test(${name}_test SOURCES ${tests} LIBS entente_${name} ${ARG_TEST_DEPS})
  endif()
endfunction()
