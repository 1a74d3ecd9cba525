// The HTML report's style sheet. Colours meet WCAG AA contrast on their backgrounds; every
// coloured mark also has a symbol or a word, so the page reads in greyscale and when printed.
#include "html_util.h"

namespace parallax::reports {

const char* const kHtmlStyle = R"css(
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:0 auto;padding:1rem;color:#1f2328;background:#fff;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:.5rem 0 .2rem}h2{font-size:1.3rem;border-bottom:2px solid #d0d7de;margin-top:2.2rem;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.2rem 0 .4rem}a{color:#0550ae}
nav{font-size:.9rem;margin:.5rem 0 1rem}nav a{margin-right:.9rem;white-space:nowrap}
.meta{color:#57606a;font-size:.9rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem;margin:1rem 0}
.tile{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem}
.tile b{display:block;font-size:1.7rem;line-height:1.2}.tile span{color:#57606a;font-size:.9rem}
.tile.alert{border-color:#b42318;border-width:2px}
.chart{width:100%;max-width:26rem;height:auto;font:13px system-ui,sans-serif;fill:#1f2328}.chart rect{fill:#b42318}
.outlets{margin:.3rem 0 0;padding-left:1.2rem}
.legend{font-size:.9rem}.key{white-space:nowrap;margin-right:.6rem}.legend .cell{display:inline-block;min-width:1.6rem;text-align:center;border-radius:3px;margin-right:.2rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
.matrix thead th{font-size:.8rem;font-weight:600;text-align:center;vertical-align:bottom;min-width:5.5rem;background:#f6f8fa}
.matrix th:first-child{position:sticky;left:0;z-index:1;background:#fff;text-align:left}
.matrix thead th:first-child{background:#f6f8fa}
.matrix tbody th{font-weight:normal;font-size:.9rem;min-width:14rem;max-width:28rem}
.matrix tr.conflict th{box-shadow:inset 4px 0 0 #b42318}
.cell{text-align:center;font-weight:700;white-space:nowrap}
.cell small{display:block;font-weight:normal;font-size:.75rem;white-space:normal}
.ok{background:#dafbe1;color:#116329}.bad{background:#ffebe9;color:#a40e26}.none{background:#f6f8fa;color:#57606a}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;border-radius:3px;border:1px solid;white-space:nowrap;vertical-align:middle}
.partial{color:#7d4e00;background:#fff8c5;border-color:#d4a72c}
.sev-high{color:#a40e26;background:#ffebe9}.sev-medium{color:#7d4e00;background:#fff8c5}.sev-low{color:#57606a;background:#f6f8fa}
.finding{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:.6rem .9rem;margin:1rem 0}
.finding.high{border-left-color:#b42318}.finding.medium{border-left-color:#bf8700}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}
.side{background:#f6f8fa;border-radius:4px;padding:.5rem .7rem}
.side .who{font-weight:600}.side .val{display:inline-block;margin-left:.3rem;font-family:ui-monospace,monospace;font-size:.85rem;background:#fff;border:1px solid #d0d7de;border-radius:3px;padding:0 .3rem}
blockquote{margin:.4rem 0 0;padding:0 0 0 .7rem;border-left:3px solid #d0d7de}
mark{background:#ffd33d;color:#1f2328;font-weight:600;padding:0 .1rem;border-bottom:2px solid #1f2328}
.changes{list-style:none;padding:0}.changes li{margin:.4rem 0;display:grid;grid-template-columns:auto 1fr;align-items:baseline}
.st{display:inline-block;min-width:5.8rem;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .3rem;border-radius:3px;border:1px solid;text-align:center;margin-right:.4rem}
.st-new{color:#a40e26;background:#ffebe9}.st-open{color:#7d4e00;background:#fff8c5}.st-resolved{color:#116329;background:#dafbe1}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.7rem}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem}.card h3{margin:0}.card p{margin:.2rem 0}
ul.plain li{margin:.25rem 0}
@media (max-width:40rem){
body{padding:.6rem}h2{margin-top:1.6rem}
.matrix thead th{min-width:2.4rem;padding:.4rem .2rem}
.matrix .oh{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;max-height:10rem}
.matrix tbody th{min-width:9.5rem;max-width:12rem;font-size:.8rem;padding:.25rem .35rem}
.matrix td{padding:.25rem .2rem}.cell small{display:none}
.sides{grid-template-columns:1fr}
}
@media print{.scroll{overflow:visible}a{color:inherit}.matrix th:first-child{position:static}}
)css";

}  // namespace parallax::reports
