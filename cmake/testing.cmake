# SPDX-License-Identifier: MIT
include(GoogleTest)
# entente_add_test(NAME SOURCES a_test.cc ... LIBS entente_x ...)
function(entente_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    ENTENTE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  entente_set_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
