import type { Holiday, HolidayKind } from './calendar'

/*
 * National holidays (libur nasional) and joint leave (cuti bersama) from the yearly Surat
 * Keputusan Bersama (SKB) of the Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB.
 * Cuti bersama is a day off for ASN, so the office is closed and no working time passes.
 *
 * General-purpose holiday packages lack cuti bersama and guess Islamic dates by calculation; every
 * date here is the decree's. The list is data: an administrator edits it in the calendar screen
 * (an amendment, a local holiday), and the edit recomputes running timers.
 *
 * Local holidays (kind 'lokal'): none shipped. Kabupaten Balangan celebrates its Hari Jadi on
 * 8 April (inaugurated 8 April 2003 under UU 2/2003), but no decree found makes it a day off for
 * the office; if the Bupati declares one, the administrator adds it with that decree as source.
 */

const SKB_2025 = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024'
const SKB_2025_AMENDED =
  'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (perubahan SKB Hari Libur Nasional dan Cuti Bersama Tahun 2025)'
const SKB_2026 = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'
const SKB_2027 = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1205 Tahun 2026, No. 3 Tahun 2026, No. 2 Tahun 2026'

function days(source: string, kind: HolidayKind, list: [date: string, name: string][]): Holiday[] {
  return list.map(([date, name]) => ({ date, name, kind, source }))
}

/**
 * 2025: SKB of 14 October 2024 (17 libur nasional, 10 cuti bersama), amended on 7 August 2025 to
 * add cuti bersama on Monday 18 August for the 80th anniversary of independence (11 in all).
 */
const YEAR_2025: Holiday[] = [
  ...days(SKB_2025, 'libur_nasional', [
    ['2025-01-01', 'Tahun Baru 2025 Masehi'],
    ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'],
    ['2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'],
    ['2025-03-31', 'Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-01', 'Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-18', 'Wafat Yesus Kristus'],
    ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2025-05-01', 'Hari Buruh Internasional'],
    ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
    ['2025-05-29', 'Kenaikan Yesus Kristus'],
    ['2025-06-01', 'Hari Lahir Pancasila'],
    ['2025-06-06', 'Hari Raya Idul Adha 1446 Hijriah'],
    ['2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'],
    ['2025-08-17', 'Proklamasi Kemerdekaan'],
    ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
    ['2025-12-25', 'Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2025, 'cuti_bersama', [
    ['2025-01-28', 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'],
    ['2025-03-28', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)'],
    ['2025-04-02', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-03', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-04', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-07', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-05-13', 'Cuti Bersama Hari Raya Waisak 2569 BE'],
    ['2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus'],
    ['2025-06-09', 'Cuti Bersama Hari Raya Idul Adha 1446 Hijriah'],
    ['2025-12-26', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2025_AMENDED, 'cuti_bersama', [['2025-08-18', 'Cuti Bersama Proklamasi Kemerdekaan (HUT ke-80 RI)']]),
]

/**
 * 2026: SKB of 19 September 2025, 17 libur nasional + 8 cuti bersama. With Nyepi, Idul Fitri and
 * the weekend, 18–24 March 2026 holds no working day at all.
 */
const YEAR_2026: Holiday[] = [
  ...days(SKB_2026, 'libur_nasional', [
    ['2026-01-01', 'Tahun Baru 2026 Masehi'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
    ['2026-03-21', 'Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-03-22', 'Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-04-03', 'Wafat Yesus Kristus'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2026-05-01', 'Hari Buruh Internasional'],
    ['2026-05-14', 'Kenaikan Yesus Kristus'],
    ['2026-05-27', 'Hari Raya Idul Adha 1447 Hijriah'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila'],
    ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'],
    ['2026-08-17', 'Proklamasi Kemerdekaan'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
    ['2026-12-25', 'Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2026, 'cuti_bersama', [
    ['2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'],
    ['2026-03-20', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-03-23', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-03-24', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'],
    ['2026-05-28', 'Cuti Bersama Hari Raya Idul Adha 1447 Hijriah'],
    ['2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ]),
]

/**
 * 2027: SKB of 15 September 2026, 18 libur nasional + 8 cuti bersama. Isra Mikraj falls twice in
 * 2027 (1448 H on 5 January, 1449 H on 26 December). The decree leaves 1 Ramadan, Idul Fitri and
 * Idul Adha 1448 H to a later Keputusan Menteri Agama; if that moves a date, amend it here.
 * Transcribed from the lists published by Sekretariat Negara and Kemenko PMK (two independent
 * transcriptions agree on every date); the decree PDF itself was not read.
 */
const YEAR_2027: Holiday[] = [
  ...days(SKB_2027, 'libur_nasional', [
    ['2027-01-01', 'Tahun Baru 2027 Masehi'],
    ['2027-01-05', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'],
    ['2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'],
    ['2027-03-10', 'Hari Raya Idul Fitri 1448 Hijriah'],
    ['2027-03-11', 'Hari Raya Idul Fitri 1448 Hijriah'],
    ['2027-03-26', 'Wafat Yesus Kristus'],
    ['2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2027-05-01', 'Hari Buruh Internasional'],
    ['2027-05-06', 'Kenaikan Yesus Kristus'],
    ['2027-05-17', 'Hari Raya Idul Adha 1448 Hijriah'],
    ['2027-05-20', 'Hari Raya Waisak 2571 BE'],
    ['2027-06-01', 'Hari Lahir Pancasila'],
    ['2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah'],
    ['2027-08-15', 'Maulid Nabi Muhammad SAW'],
    ['2027-08-17', 'Proklamasi Kemerdekaan'],
    ['2027-12-25', 'Kelahiran Yesus Kristus'],
    ['2027-12-26', 'Isra Mikraj Nabi Muhammad SAW'],
  ]),
  ...days(SKB_2027, 'cuti_bersama', [
    ['2027-02-05', 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili'],
    ['2027-03-09', 'Cuti Bersama Hari Raya Idul Fitri 1448 Hijriah'],
    ['2027-03-12', 'Cuti Bersama Hari Raya Idul Fitri 1448 Hijriah'],
    ['2027-03-15', 'Cuti Bersama Hari Raya Idul Fitri 1448 Hijriah'],
    ['2027-03-25', 'Cuti Bersama Wafat Yesus Kristus'],
    ['2027-05-18', 'Cuti Bersama Hari Raya Idul Adha 1448 Hijriah'],
    ['2027-05-19', 'Cuti Bersama Hari Raya Waisak 2571 BE'],
    ['2027-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ]),
]

const byDate = (a: Holiday, b: Holiday) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

/** Every shipped holiday, in date order. */
export const HOLIDAYS: Holiday[] = [...YEAR_2025, ...YEAR_2026, ...YEAR_2027].sort(byDate)
