import type { TemplateInput } from '../../shared/protocol/templates'

/**
 * A second, shorter SOP for tests: nothing in the server may assume the Balangan template. Its own
 * lanes (one unit-scoped besides the applicant), its own times and a decision at step 3 whose
 * "Tidak" goes back to step 2.
 */
export const PERSETUJUAN_CUTI: TemplateInput = {
  id: 'persetujuan-cuti',
  identity: {
    agency: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Balangan',
    number: '800/0001/SOP/BKPSDM-BLG/2026',
    name: 'Persetujuan Cuti',
    createdOn: '2026-01-05',
    revisedOn: '',
    approvedOn: '2026-01-12',
    approvedBy: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    approverName: 'Pejabat Uji',
    approverRank: 'Pembina',
    approverNip: '',
    legalBases: ['Peraturan Badan Kepegawaian Negara Nomor 7 Tahun 2021 tentang Tata Cara Pemberian Cuti PNS'],
    qualifications: [],
    relatedSops: [],
    equipment: ['Formulir permohonan cuti'],
    warnings: [],
    recording: [],
  },
  lanes: [
    { id: 'pemohon', name: 'Pemohon', unitScoped: true },
    { id: 'verifikator', name: 'Verifikator Kepegawaian', unitScoped: true },
    { id: 'pejabat_berwenang', name: 'Pejabat Berwenang', unitScoped: false },
  ],
  steps: [
    {
      no: 1,
      title: 'Mengajukan permohonan cuti dengan formulir',
      shortTitle: 'Permohonan',
      lanes: ['pemohon'],
      defaultLane: 'pemohon',
      kelengkapan: ['Formulir permohonan cuti'],
      waktu: { amount: 30, unit: 'menit' },
      output: 'Formulir terisi',
      keterangan: '',
    },
    {
      no: 2,
      title: 'Memverifikasi permohonan dan sisa hak cuti',
      shortTitle: 'Verifikasi',
      lanes: ['verifikator', 'pemohon'],
      defaultLane: 'verifikator',
      kelengkapan: ['Formulir terisi', 'Rekap sisa cuti'],
      waktu: { amount: 2, unit: 'jam' },
      output: 'Permohonan terverifikasi',
      keterangan: '',
    },
    {
      no: 3,
      title: 'Memutuskan permohonan cuti',
      shortTitle: 'Keputusan',
      lanes: ['pejabat_berwenang'],
      defaultLane: 'pejabat_berwenang',
      kelengkapan: ['Permohonan terverifikasi'],
      waktu: { amount: 1, unit: 'hari' },
      output: 'Disposisi',
      keterangan: '',
      decision: { noReturnsTo: 2, question: 'Disetujui?' },
    },
    {
      no: 4,
      title: 'Menerbitkan surat izin cuti',
      shortTitle: 'Surat izin',
      lanes: ['verifikator'],
      defaultLane: 'verifikator',
      kelengkapan: ['Disposisi'],
      waktu: { amount: 1, unit: 'hari' },
      output: 'Surat izin cuti',
      keterangan: '',
    },
  ],
}
