// The Python module: `import retouche`.
//
//   p = retouche.Pipeline(apply="safe", disable=["names"])
//   r = p.clean(text)          # the GIL is released while cleaning
//   r.text, r.findings         # findings: dicts, offsets in code points (str indexes)
//   r.diff("doc.txt")          # the unified diff `retouche clean` writes
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "retouche/pipeline.h"
#include "retouche/writers.h"

namespace py = pybind11;

namespace {

using retouche::Applicability;

struct PyResult {
  std::string original;
  retouche::Result result;
};

py::dict finding_dict(const retouche::Finding& f) {
  py::dict d;
  d["rule"] = f.rule;
  d["stage"] = std::string(retouche::stage_name(f.stage));
  d["begin"] = f.cp_begin;  // code points: text[begin:end] is the span
  d["end"] = f.cp_end;
  d["byte_begin"] = f.begin;
  d["byte_end"] = f.end;
  d["line"] = f.line;
  d["column"] = f.column;
  d["original"] = f.original;
  d["replacement"] = f.replacement;
  d["confidence"] = f.confidence;
  d["applicability"] = std::string(retouche::applicability_name(f.applicability));
  d["status"] = std::string(retouche::finding_status_name(f.status));
  d["message"] = f.message;
  if (!f.conflict_with.empty()) d["conflict_with"] = f.conflict_with;
  return d;
}

std::vector<std::string> strings(const py::object& o, const char* name) {
  if (o.is_none()) return {};
  if (py::isinstance<py::str>(o)) return {o.cast<std::string>()};
  try {
    return o.cast<std::vector<std::string>>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(name) + " must be a string or a list of strings");
  }
}

// Pipeline(**options): the CLI's pipeline flags, as keywords.
std::shared_ptr<const retouche::Pipeline> make_pipeline(const py::kwargs& kw) {
  retouche::PipelineOptions o;
  for (const auto& [key, value] : kw) {
    std::string k = key.cast<std::string>();
    py::object v = py::reinterpret_borrow<py::object>(value);
    if (k == "apply") {
      std::string a = v.cast<std::string>();
      if (a == "none") {
        o.policy.apply_none = true;
      } else if (a == "safe" || a == "suggested") {
        o.policy.level = a == "safe" ? Applicability::kSafe : Applicability::kSuggested;
      } else {
        throw py::value_error("apply must be 'safe', 'suggested' or 'none' (got '" + a + "')");
      }
    } else if (k == "min_confidence") {
      double x = v.cast<double>();
      if (!(x >= 0 && x <= 1)) throw py::value_error("min_confidence must be between 0 and 1");
      o.policy.min_confidence = x;
    } else if (k == "enable") {
      o.enable = strings(v, "enable");
    } else if (k == "disable") {
      o.disable = strings(v, "disable");
    } else if (k == "keep_words") {
      o.keep_words_files = strings(v, "keep_words");
    } else if (k == "force_language") {
      if (!v.is_none()) o.force_language = v.cast<std::string>();
    } else if (k == "lossy") {
      o.lossy_utf8 = v.cast<bool>();
    } else if (k == "assume_damaged") {
      o.assume_damaged = v.cast<bool>();
    } else if (k == "newline") {
      std::string n = v.cast<std::string>();
      if (n != "keep" && n != "lf") throw py::value_error("newline must be 'keep' or 'lf'");
      o.newline_lf = n == "lf";
    } else if (k == "data") {
      if (!v.is_none()) o.data_dir = v.cast<std::string>();
    } else if (k == "dictionary") {
      if (!v.is_none()) {
        o.hunspell_aff = v.cast<std::string>() + ".aff";
        o.hunspell_dic = v.cast<std::string>() + ".dic";
      }
    } else if (k == "line_stats") {
      if (!v.is_none()) o.line_stats_path = v.cast<std::string>();
    } else if (k == "line_stats_min_docs") {
      o.line_stats_min_docs = v.cast<uint64_t>();
    } else {
      throw py::type_error("Pipeline() got an unexpected keyword argument '" + k + "'");
    }
  }
  retouche::Status st;
  std::unique_ptr<retouche::Pipeline> p;
  {
    py::gil_scoped_release free;
    p = retouche::Pipeline::create(o, &st);
  }
  if (!p) throw py::value_error(st.message());
  return std::shared_ptr<const retouche::Pipeline>(std::move(p));
}

std::shared_ptr<PyResult> clean(const retouche::Pipeline& p, const std::string& text, const std::string& name) {
  auto r = std::make_shared<PyResult>();
  r->original = text;
  retouche::Status st;
  {
    py::gil_scoped_release free;  // Pipeline::run is thread-safe: threads clean in parallel
    st = p.run(retouche::Document{name, r->original}, &r->result);
  }
  if (!st.ok()) throw py::value_error(st.message());
  return r;
}

}  // namespace

PYBIND11_MODULE(retouche, m) {
  m.doc() = "Cleans French text damaged by web scraping and machine translation.";
  m.attr("__version__") = RETOUCHE_VERSION;
  py::class_<PyResult, std::shared_ptr<PyResult>>(m, "Result")
      .def_property_readonly("text", [](const PyResult& r) { return r.result.clean_text; })
      .def_property_readonly("findings",
                             [](const PyResult& r) {
                               py::list l;
                               for (const retouche::Finding& f : r.result.findings) l.append(finding_dict(f));
                               return l;
                             })
      .def_property_readonly("changed", [](const PyResult& r) { return r.result.clean_text != r.original; })
      .def("diff", [](const PyResult& r, const std::string& path) {
             return retouche::write_unified_diff(r.original, r.result, path);
           }, py::arg("path") = "text.txt", "the unified diff, headers a/PATH and b/PATH; '' when unchanged")
      .def("findings_jsonl", [](const PyResult& r) {
             return retouche::write_findings_jsonl(r.original, r.result.findings);
           }, "the findings as `retouche clean` writes them (NAME.findings.jsonl)")
      .def("__repr__", [](const PyResult& r) {
        return "<retouche.Result: " + std::to_string(r.result.findings.size()) + " findings>";
      });
  py::class_<retouche::Pipeline, std::shared_ptr<retouche::Pipeline>>(m, "Pipeline")
      .def(py::init([](const py::kwargs& kw) {
             return std::const_pointer_cast<retouche::Pipeline>(make_pipeline(kw));
           }),
           "Pipeline(apply='safe', min_confidence=0.0, enable=[], disable=[], keep_words=[],\n"
           "         force_language=None, assume_damaged=False, lossy=False, newline='keep', data=None,\n"
           "         dictionary=None, line_stats=None, line_stats_min_docs=0)")
      .def("clean", &clean, py::arg("text"), py::arg("name") = "text",
           "clean(text) -> Result(text, findings); releases the GIL while it runs")
      .def("rules", [](const retouche::Pipeline& p) {
        py::list l;
        for (const retouche::RuleDescription& r : p.rules()) {
          py::dict d;
          d["id"] = r.id;
          d["family"] = r.family;
          d["stage"] = std::string(retouche::stage_name(r.stage));
          d["applicability"] = std::string(retouche::applicability_name(r.applicability));
          d["enabled"] = r.enabled;
          d["description"] = r.description;
          l.append(d);
        }
        return l;
      });
}
