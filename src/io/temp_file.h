// Temporary files beside their target, named so that a later run recognises
// the ones an interrupted run left behind and removes them.
//
//   std::string tmp;
//   int fd = -1;
//   Status st = create_temp_beside("out/a.txt", &tmp, &fd);
//   // tmp == "out/.a.txt.retouche-tmp.4242"; write to fd, then
//   // rename(tmp, "out/a.txt") (or unlink(tmp) on failure) and close(fd).
//
// The name is ".NAME.retouche-tmp.PID" (".PID.2", ".PID.3"… if this process
// already writes NAME): hidden, so directory walks skip it, and it says which
// run made it. While the file is being written its writer holds an exclusive
// flock() on it; the lock dies with the process, even under kill -9. Before
// its first temporary in a directory, a run removes every retouche temporary
// there that nobody holds locked: those are left by runs that were killed
// (a live run's temporary is always locked, so two runs may share an output
// directory). flock() works across machines on NFS (Linux emulates it with
// fcntl locks); on a file system without locks, nothing is removed.
//
// Thread-safety: both functions may be called from several threads.
#pragma once

#include <string>
#include <vector>

#include "retouche/status.h"

namespace retouche {

// Creates and locks a new temporary file beside `target` (mode 0600 until the
// caller changes it), after removing the stale temporaries of its directory
// (once per directory and process).
Status create_temp_beside(const std::string& target, std::string* tmp_path, int* fd);

// A target that exists and is not a regular file (`/dev/null`, a named pipe,
// a terminal) is written to in place, never replaced by a rename: opens it
// for writing into `*fd` and returns true; returns false for any other
// target (a regular file, or none yet), leaving `*fd` alone. An error opening
// the special file is set in `*st`.
bool open_special_target(const std::string& target, int* fd, Status* st);

// Removes the stale retouche temporaries of `dir` (files named
// ".NAME.retouche-tmp.PID[.N]" that no process holds locked) and returns
// their paths. Files of any other name are never touched.
std::vector<std::string> remove_stale_temporaries(const std::string& dir);

// Is `name` (a file name, no directory) the name of a retouche temporary?
bool is_temporary_name(const std::string& name);

}  // namespace retouche
