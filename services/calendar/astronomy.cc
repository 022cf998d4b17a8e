#include "services/calendar/astronomy.h"

#include <cmath>
#include <cstdint>

namespace ogi {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kJ2000 = 2451545.0;        // Julian Ephemeris Day of J2000.0
constexpr double kUnixEpochJd = 2440587.5;  // 1970-01-01 00:00 UT
constexpr double kTropicalYearDays = 365.2422;
constexpr double kChinaOffsetDays = 8.0 / 24.0;

double Radians(double degrees) { return degrees * kPi / 180.0; }

double Normalized(double degrees) {
  double d = std::fmod(degrees, 360.0);
  return d < 0 ? d + 360.0 : d;
}

// The sun's apparent geocentric longitude in degrees at Julian Ephemeris Day
// `jde` (Meeus ch. 25, low accuracy: true longitude from the mean longitude
// and the equation of the centre, then nutation and aberration).
double ApparentSolarLongitude(double jde) {
  const double t = (jde - kJ2000) / 36525.0;
  const double mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double mean_anomaly =
      Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
  const double centre =
      (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(mean_anomaly) +
      (0.019993 - 0.000101 * t) * std::sin(2 * mean_anomaly) +
      0.000289 * std::sin(3 * mean_anomaly);
  const double omega = Radians(125.04 - 1934.136 * t);
  return Normalized(mean_longitude + centre - 0.00569 -
                    0.00478 * std::sin(omega));
}

// ΔT = TT − UT in seconds (Espenak & Meeus, "Polynomial expressions for Delta
// T", NASA, for 1900–2150; their long-term parabola elsewhere).
double DeltaTSeconds(double year) {
  if (year >= 1900 && year < 1920) {
    const double t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
           0.000197 * t * t * t * t;
  }
  if (year >= 1920 && year < 1941) {
    const double t = year - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (year >= 1941 && year < 1961) {
    const double t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (year >= 1961 && year < 1986) {
    const double t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (year >= 1986 && year < 2005) {
    const double t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
  }
  if (year >= 2005 && year < 2050) {
    const double t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (year - 1820) / 100;
  if (year >= 2050 && year < 2150) {
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
  }
  return -20 + 32 * u * u;
}

double JulianDay(absl::CivilDay day) {
  return kUnixEpochJd + static_cast<double>(day - absl::CivilDay(1970, 1, 1));
}

// The civil day in China Standard Time of the moment `jde` (Julian Ephemeris
// Day, i.e. in TT) in `year`.
absl::CivilDay ChinaDay(double jde, int year) {
  const double ut = jde - DeltaTSeconds(year) / 86400.0;
  // Days since 1970-01-01 00:00 China Standard Time.
  const double china_days = ut + kChinaOffsetDays - kUnixEpochJd;
  return absl::CivilDay(1970, 1, 1) +
         static_cast<int64_t>(std::floor(china_days));
}

// One periodic or planetary term of NewMoonJde: coefficient × sin(argument).
double Term(double coefficient, double argument_degrees) {
  return coefficient * std::sin(Radians(Normalized(argument_degrees)));
}

// The moment (JDE) of new moon number `k` counted from that of 2000-01-06
// (Meeus ch. 49: the mean phase, 25 periodic terms and 14 planetary
// arguments).
double NewMoonJde(double k) {
  const double t = k / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double t4 = t3 * t;
  const double mean = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 -
                      0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  // Sun's and moon's mean anomalies, moon's argument of latitude, and the
  // longitude of the ascending node, in degrees.
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 +
                    0.00001238 * t3 - 0.000000058 * t4;
  const double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 -
                   0.00000227 * t3 + 0.000000011 * t4;
  const double omega =
      124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  const double periodic =
      Term(-0.40720, mp) + Term(0.17241 * e, m) + Term(0.01608, 2 * mp) +
      Term(0.01039, 2 * f) + Term(0.00739 * e, mp - m) +
      Term(-0.00514 * e, mp + m) + Term(0.00208 * e * e, 2 * m) +
      Term(-0.00111, mp - 2 * f) + Term(-0.00057, mp + 2 * f) +
      Term(0.00056 * e, 2 * mp + m) + Term(-0.00042, 3 * mp) +
      Term(0.00042 * e, m + 2 * f) + Term(0.00038 * e, m - 2 * f) +
      Term(-0.00024 * e, 2 * mp - m) + Term(-0.00017, omega) +
      Term(-0.00007, mp + 2 * m) + Term(0.00004, 2 * mp - 2 * f) +
      Term(0.00004, 3 * m) + Term(0.00003, mp + m - 2 * f) +
      Term(0.00003, 2 * mp + 2 * f) + Term(-0.00003, mp + m + 2 * f) +
      Term(0.00003, mp - m + 2 * f) + Term(-0.00002, mp - m - 2 * f) +
      Term(-0.00002, 3 * mp + m) + Term(0.00002, 4 * mp);
  const double planetary =
      Term(0.000325, 299.77 + 0.107408 * k - 0.009173 * t2) +
      Term(0.000165, 251.88 + 0.016321 * k) +
      Term(0.000164, 251.83 + 26.651886 * k) +
      Term(0.000126, 349.42 + 36.412478 * k) +
      Term(0.000110, 84.66 + 18.206239 * k) +
      Term(0.000062, 141.74 + 53.303771 * k) +
      Term(0.000060, 207.14 + 2.453732 * k) +
      Term(0.000056, 154.84 + 7.306860 * k) +
      Term(0.000047, 34.52 + 27.261239 * k) +
      Term(0.000042, 207.19 + 0.121824 * k) +
      Term(0.000040, 291.34 + 1.844379 * k) +
      Term(0.000037, 161.72 + 24.198154 * k) +
      Term(0.000035, 239.56 + 25.513099 * k) +
      Term(0.000023, 331.55 + 3.592518 * k);
  return mean + periodic + planetary;
}

}  // namespace

absl::CivilDay SolarTermDay(int year, double longitude_degrees) {
  // Start where the sun is on average at that longitude (0° near 20 March)
  // and correct by the remaining angle; the sun moves about 1° a day, so a
  // few steps converge well below a second.
  const double days_after_equinox =
      Normalized(longitude_degrees) / 360.0 * kTropicalYearDays;
  double jde = JulianDay(absl::CivilDay(year, 3, 20)) + days_after_equinox;
  for (int i = 0; i < 8; ++i) {
    const double remaining =
        Normalized(longitude_degrees - ApparentSolarLongitude(jde) + 180.0) -
        180.0;
    jde += remaining * kTropicalYearDays / 360.0;
  }
  return ChinaDay(jde, year);
}

absl::CivilDay QingmingDay(int year) { return SolarTermDay(year, 15.0); }

absl::CivilDay NewMoonDayNear(absl::CivilDay day) {
  constexpr double kSynodicMonth = 29.530588861;
  constexpr double kFirstNewMoonOf2000 = 2451550.09766;  // JDE of k = 0
  const double k =
      std::round((JulianDay(day) - kFirstNewMoonOf2000) / kSynodicMonth);
  return ChinaDay(NewMoonJde(k), static_cast<int>(day.year()));
}

}  // namespace ogi
