# SPDX-License-Identifier: MIT
# entente_set_warnings(target): the project's warning set, applied to every target of ours.
function(entente_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
 -Wno-missing-field-initializers)
  if(ENTENTE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
