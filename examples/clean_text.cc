// Cleans a text with libretouche: the findings, then the diff.
//   clean_text 'Le texte. .'     (data: RETOUCHE_DATA or PREFIX/share/retouche)
#include <retouche/pipeline.h>
#include <retouche/writers.h>

#include <iostream>

int main(int argc, char** argv) {
  std::string text = argc > 1 ? std::string(argv[1]) + "\n" : "Share\nLe texte. .\n";
  retouche::Status st;
  auto pipeline = retouche::Pipeline::create(retouche::PipelineOptions(), &st);
  if (!pipeline) return std::cerr << st.message() << "\n", 3;
  retouche::Result r;
  st = pipeline->run(retouche::Document{"text.txt", text}, &r);
  if (!st.ok()) return std::cerr << st.message() << "\n", 3;
  for (const retouche::Finding& f : r.findings) {
    std::cout << f.line << ":" << f.column << ": " << f.rule << ": " << f.message << "\n";
  }
  std::cout << retouche::write_unified_diff(text, r, "text.txt");
  return 0;
}
