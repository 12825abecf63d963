// SPDX-License-Identifier: MIT
// The distributed backend: `mpirun -n K entente sweep ...` starts K ranks that all read the
// same scenario and options; range k of the work list goes to rank k mod K, computed with the
// rank's threads, and results are gathered on rank 0 in waves (so rank 0 can store them and
// show progress as the sweep goes). Rank 0 aggregates exactly what one process would.
// Compiled only when MPI is found (ENTENTE_HAVE_MPI).
#pragma once

#if ENTENTE_HAVE_MPI

#include <memory>

#include "entente/sweep/backend.h"

namespace entente {

// MPI_Init_thread (MPI_THREAD_FUNNELED) on construction, MPI_Finalize on destruction.
class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  // True when this process was started by mpirun / mpiexec (OpenMPI, MPICH or PMIx variables
  // in the environment); a plain `entente sweep` never initialises MPI.
  static bool Launched();
};

// Needs a live MpiSession. threads <= 0: the cores divided by the ranks on this node.
std::unique_ptr<SweepBackend> MakeMpiBackend(int threads);

}  // namespace entente

#endif  // ENTENTE_HAVE_MPI
