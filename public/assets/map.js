// The results map: an enhancement of the list (which is complete without it). Needs Leaflet
// (served from /assets/vendor/leaflet/) and a tile URL from the server's MAP_TILE_URL.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') return;
  var points = JSON.parse(element.dataset.points || '[]');
  if (points.length === 0) return;
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
  var bounds = [];
  points.forEach(function (point) {
    var marker = L.circleMarker([point.lat, point.lon], { radius: 8, weight: 2, color: '#000', fillColor: '#ffbf47', fillOpacity: 0.9 });
    var link = document.createElement('a');
    link.href = point.url;
    link.textContent = point.name;
    marker.bindPopup(link);
    marker.addTo(map);
    bounds.push([point.lat, point.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
})();
