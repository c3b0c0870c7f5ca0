// Custom plotly.js bundle for the offline strategy MkDocs site.
// Only the trace types the site uses are registered; everything else from the
// full plotly.js distribution is left out to keep the vendored file small.
// Rebuild with ./build.sh (see README.md).

import Plotly from 'plotly.js/lib/core';

import bar from 'plotly.js/lib/bar';
import pie from 'plotly.js/lib/pie';
import scatter from 'plotly.js/lib/scatter';
import sunburst from 'plotly.js/lib/sunburst';
import treemap from 'plotly.js/lib/treemap';
import barpolar from 'plotly.js/lib/barpolar';

// Norwegian (bokmål) locale. plotly.js ships it as "no"; there is no "nb" file.
import localeNo from 'plotly.js/lib/locales/no.js';

Plotly.register([bar, pie, scatter, sunburst, treemap, barpolar, localeNo]);

// Make Norwegian the default for every plot (decimal comma, space as
// thousands separator, Norwegian month/day names and modebar tooltips).
// A page can still override it per plot with {locale: 'en'} in the config.
Plotly.setPlotConfig({ locale: 'no' });

window.Plotly = Plotly;

export default Plotly;
