# Selaras: the interface's texts in Indonesian (the default language).
# One message per line, in the one-line form of Fluent's syntax:
# `key = text`. Every key here is in en.ftl too, and every key a
# template or the code asks for is here (tests/i18n.rs). Keys are made
# from the Indonesian words; the text may change without the key.


## account/password.html
ubah-kata-sandi = Ubah kata sandi
kata-sandi-baru-tersimpan-sesi-anda = Kata sandi baru tersimpan. Sesi Anda di perangkat lain telah diakhiri.
minimal-12-karakter-kalimat-pendek-dari = Minimal 12 karakter. Kalimat pendek dari beberapa kata yang tidak berhubungan mudah diingat dan sulit ditebak.
kata-sandi-saat-ini = Kata sandi saat ini
kata-sandi-baru = Kata sandi baru
ulangi-kata-sandi-baru = Ulangi kata sandi baru
simpan-kata-sandi = Simpan kata sandi

## account/profile.html
profil-saya = Profil saya
akun = Akun
nama-ini-tampil-pada-komentar-dan = . Nama ini tampil pada komentar dan usulan Anda; email dan telepon hanya terlihat oleh admin wilayah.
profil-tersimpan = Profil tersimpan.
profil-ini-baru-saja-diubah-di = Profil ini baru saja diubah di tempat lain, sehingga isian Anda belum disimpan. Periksa lalu simpan lagi.
periksa-kembali-isian-yang-ditandai-isian = Periksa kembali isian yang ditandai; isian Anda tidak hilang.
nama-lengkap = Nama lengkap
email = Email
telepon = Telepon
pemberitahuan = Pemberitahuan
tanpa-alamat-email-pemberitahuan-hanya-tampil = Tanpa alamat email, pemberitahuan hanya tampil di kotak masuk.
simpan-profil = Simpan profil
lembaga = Lembaga
anda-anggota = Anda anggota:
menunggu-keputusan = menunggu keputusan
diterima = diterima
ditolak = ditolak
diminta = (diminta
tidak-ada-lembaga-lain-di-wilayah = Tidak ada lembaga lain di wilayah Anda yang dapat Anda minta untuk bergabung.
minta-bergabung-dengan-lembaga = Minta bergabung dengan lembaga
pilih-lembaga = Pilih lembaga…
catatan-untuk-pengurus = Catatan untuk pengurus
pilihan = (pilihan)
mis-anggota-pkk-rw-04 = mis. anggota PKK RW 04
kirim-permintaan = Kirim permintaan

## account/requests.html
permintaan-bergabung-dengan-lembaga = Permintaan bergabung dengan lembaga
tidak-ada-permintaan-yang-menunggu-keputusan = Tidak ada permintaan yang menunggu keputusan Anda.
yang-diterima-menjadi-anggota-lembaga-itu = Yang diterima menjadi anggota lembaga itu dan dapat mengajukan aspirasi atas namanya.
warga = Warga
catatan = Catatan
diminta-2 = Diminta
keputusan = Keputusan
terima = Terima
di = di
tolak = Tolak

## admin/index.html
admin = Admin
admin-2 = Admin ·
pengguna = Pengguna
aktif-dari = aktif dari
akun-2 = akun.
tambah-pengguna = Tambah pengguna
organisasi = Organisasi
organisasi-bappeda-perangkat-daerah-kecamatan-desa = organisasi: Bappeda, perangkat daerah, kecamatan, desa/kelurahan, lembaga dan DPRD.
tambah-organisasi = Tambah organisasi
nomenklatur = Nomenklatur
daftar-nasional-program-kegiatan-dan-sub = Daftar nasional program, kegiatan dan sub kegiatan, dan tambahan daerah dari berkas CSV.
kamus-usulan = Kamus usulan
jenis-usulan-yang-dapat-diajukan-dengan = Jenis usulan yang dapat diajukan, dengan sub kegiatan dan perangkat daerah yang menanganinya.

## admin/kamus.html
kamus-usulan-2 = › Kamus usulan
jenis-usulan-yang-dapat-diajukan-warga = Jenis usulan yang dapat diajukan warga, desa/kelurahan, DPRD dan perangkat daerah di wilayah ini. Setiap jenis membawa kode sub kegiatan yang menampungnya dan perangkat daerah yang memverifikasinya; formulir usulan hanya menawarkan jenis yang ada di sini.
kamus-usulan-tersimpan = Kamus usulan tersimpan.
kamus-usulan-wilayah-ini-masih-kosong = Kamus usulan wilayah ini masih kosong, sehingga belum ada usulan yang dapat diajukan. Tambahkan jenis usulan pertama di bawah.
cari-jenis-usulan-atau-kode-sub = Cari jenis usulan atau kode sub kegiatan
perangkat-daerah = Perangkat daerah
semua = Semua
saring = Saring
dari = dari
jenis-usulan = jenis usulan
tampilkan-semua = tampilkan semua
tidak-ada-jenis-usulan-yang-cocok = Tidak ada jenis usulan yang cocok dengan saringan ini.
jenis-usulan-2 = Jenis usulan
sub-kegiatan = Sub kegiatan
satuan = Satuan
tidak-ditawarkan = tidak ditawarkan
impor-dari-csv-atau-xlsx = Impor dari CSV atau .xlsx
kolom-baris-judul-persis-seperti-ini = Kolom (baris judul persis seperti ini):
nama-jenis-usulan-kode-sub-kegiatan = Nama jenis usulan, Kode sub kegiatan, Perangkat daerah, Satuan
perangkat-daerah-ditulis-dengan-namanya-di = ; perangkat daerah ditulis dengan namanya di Selaras. Anda melihat pratinjau dan setiap baris yang salah sebelum apa pun disimpan.
berkas-csv-atau-xlsx = Berkas .csv atau .xlsx
pratinjau = Pratinjau
tambah-jenis-usulan = Tambah jenis usulan
nama-jenis-usulan = Nama jenis usulan
kode-sub-kegiatan-nomenklatur = Kode sub kegiatan (nomenklatur)
perangkat-daerah-yang-menangani = Perangkat daerah yang menangani
pilih-perangkat-daerah = — pilih perangkat daerah —
satuan-volume = Satuan volume

## admin/kamus_edit.html
kamus-usulan-3 = · Kamus usulan
ubah = › Ubah
ubah-jenis-usulan = Ubah jenis usulan
ditawarkan-pada-formulir-usulan = Ditawarkan pada formulir usulan
hapus-centang-untuk-tidak-menawarkan-jenis = Hapus centang untuk tidak menawarkan jenis ini lagi; usulan yang sudah memakainya tetap utuh.
simpan = Simpan
batal = Batal

## admin/kamus_import.html
impor-kamus-usulan = Impor kamus usulan
impor = › Impor
kembali = Kembali
jenis-usulan-baru = jenis usulan baru
baris-salah = baris salah
baris = Baris
masalah = Masalah
perbaiki-baris-di-atas-lalu-unggah = Perbaiki baris di atas lalu unggah lagi; selama masih ada yang salah, tidak ada yang disimpan.

## admin/nomenklatur.html
nomenklatur-2 = › Nomenklatur
nomenklatur-3 = Nomenklatur ·
kode-program-kegiatan-dan-sub-kegiatan = Kode program, kegiatan dan sub kegiatan yang dapat dipakai rencana wilayah ini: daftar nasional (Kepmendagri 050-5889/2021 beserta perubahannya, 4.367 kode) ditambah kode tambahan daerah di bawah.
impor-tambahan-dari-csv = Impor tambahan dari CSV
kolom = Kolom:
kode-level-nama-indikator-satuan = kode,level,nama,indikator,satuan
level = ; level
program = program
kegiatan = kegiatan
atau = atau
sub-kegiatan-2 = sub_kegiatan
setiap-kode-harus-baru-dan-induknya = . Setiap kode harus baru dan induknya sudah ada. Pemerintah provinsi mengimpor di sini kegiatan dan sub kegiatan kewenangan provinsi (angka
setelah-kode-program-mis = setelah kode program, mis.
yang-tidak-ada-dalam-daftar-kabupaten = ), yang tidak ada dalam daftar kabupaten/kota. Anda akan melihat pratinjau dan daftar kesalahan per baris sebelum apa pun disimpan.
berkas-csv = Berkas CSV
tambahan-daerah = Tambahan daerah
belum-ada-kode-tambahan = Belum ada kode tambahan.
kode = Kode
nama = Nama
indikator = Indikator

## admin/nomenklatur_preview.html
pratinjau-impor-nomenklatur = Pratinjau impor nomenklatur
pratinjau-2 = › Pratinjau
kesalahan-ditemukan-tidak-ada-yang-disimpan = kesalahan ditemukan. Tidak ada yang disimpan.
perbaiki-berkas-lalu-unggah-lagi = Perbaiki berkas lalu unggah lagi.
baris-siap-diimpor = baris siap diimpor
level-2 = Level
indikator-satuan = Indikator / satuan
impor-2 = Impor
kode-2 = kode
unggah-berkas-lain = Unggah berkas lain

## admin/org_form.html
ubah-organisasi = Ubah organisasi
ubah-2 = Ubah
tambah = Tambah
organisasi-ini-sudah-diubah-orang-lain = Organisasi ini sudah diubah orang lain
sejak-anda-membukanya-isian-anda-belum = sejak Anda membukanya; isian Anda belum disimpan.
yang-tersimpan-sekarang = Yang tersimpan sekarang:
isian-anda-tetap-di-formulir-periksa = Isian Anda tetap di formulir. Periksa, lalu simpan lagi bila memang ingin menggantinya.
jenis = Jenis
pilih-jenis = — pilih jenis —
kode-singkat-mis-dinkes = Kode singkat (mis. dinkes)
wilayah-wajib-untuk-desa-kelurahan-dan = Wilayah (wajib untuk desa/kelurahan dan kecamatan)
seluruh-wilayah-pemda = — seluruh wilayah pemda —
kecamatan = Kecamatan
aktif-anggota-organisasi-nonaktif-kehilangan-perannya = Aktif (anggota organisasi nonaktif kehilangan perannya di organisasi ini)

## admin/orgs.html
organisasi-2 = › Organisasi
organisasi-3 = Organisasi ·
buat-organisasi-kecamatan-dan-desa-kelurahan = Buat organisasi kecamatan dan desa/kelurahan dari daftar wilayah
cari-nama-atau-kode = Cari nama atau kode
organisasi-4 = organisasi
belum-ada-organisasi-mulailah-dengan-bappeda = Belum ada organisasi. Mulailah dengan Bappeda dan perangkat daerah.
tidak-ada-organisasi-yang-cocok-dengan = Tidak ada organisasi yang cocok dengan saringan ini.
daftar-organisasi = Daftar organisasi
wilayah = Wilayah
anggota = Anggota
nonaktif = nonaktif

## admin/orgs_from_places.html
organisasi-dari-daftar-wilayah = Organisasi dari daftar wilayah
dari-daftar-wilayah = › Dari daftar wilayah
organisasi-kecamatan-dan-desa-kelurahan = Organisasi kecamatan dan desa/kelurahan ·
setiap-kecamatan-desa-dan-kelurahan-di = Setiap kecamatan, desa dan kelurahan di wilayah ini sudah memiliki organisasi.
dari-daftar-wilayah-nasional-kepmendagri = Dari daftar wilayah nasional (Kepmendagri),
kecamatan-desa-dan-kelurahan-belum-memiliki = kecamatan, desa dan kelurahan belum memiliki organisasi di Selaras. Yang berikut akan dibuat sekaligus (tercatat di log audit); operatornya kemudian dapat diundang dari halaman Pengguna.
buat = Buat

## admin/roster.html
impor-organisasi-dan-pengguna = Impor organisasi dan pengguna
impor-organisasi-dan-pengguna-2 = Impor organisasi dan pengguna ·
pengguna-dibuat = pengguna dibuat
teruskan-tautan-undangan-berikut-kepada-masing = Teruskan tautan undangan berikut kepada masing-masing orang lewat jalur yang aman (bila server email dikonfigurasi, orang yang beralamat email juga menerimanya lewat email). Tautan berlaku 7 hari, sekali pakai, dan hanya ditampilkan sekarang.
nama-pengguna = Nama pengguna
tautan-undangan = Tautan undangan
tautan = Tautan
ke-daftar-pengguna = Ke daftar pengguna
satu-baris-per-organisasi-dan-bila = Satu baris per organisasi, dan bila diisi, per orang yang bergabung dengannya. Kolom (baris judul persis seperti ini):
jenis-organisasi-nama-organisasi-kode-wilayah = Jenis organisasi, Nama organisasi, Kode wilayah, Nama pengguna, Nama lengkap, Email, Peran
jenis-2 = . Jenis:
bappeda = bappeda
perangkat-daerah-2 = perangkat_daerah
desa = desa
kelurahan = kelurahan
lembaga-2 = lembaga
dprd = dprd
peran = . Peran:
admin-3 = admin
planner = planner
approver = approver
agency = agency
village = village
community = community
reviewer = reviewer
organisasi-yang-sudah-ada-nama-sama = . Organisasi yang sudah ada (nama sama) dipakai; yang belum ada dibuat. Setiap orang baru mendapat tautan undangan untuk menentukan kata sandinya sendiri.
anda-akan-melihat-pratinjau-dan-setiap = Anda akan melihat pratinjau dan setiap baris yang salah sebelum apa pun disimpan. Untuk semua kecamatan dan desa/kelurahan sekaligus, pakai
organisasi-dari-daftar-wilayah-2 = organisasi dari daftar wilayah
organisasi-baru = organisasi baru
pengguna-baru-diundang = pengguna baru (diundang)
organisasi-baru-2 = Organisasi baru:
simpan-semuanya = Simpan semuanya

## admin/user_deactivate.html
nonaktifkan = Nonaktifkan
tidak-akan-bisa-masuk-lagi-dan = tidak akan bisa masuk lagi dan semua sesinya yang sedang berjalan langsung diakhiri. Data dan riwayatnya tetap tersimpan, dan akun dapat diaktifkan kembali kapan saja.
ya-nonaktifkan = Ya, nonaktifkan

## admin/user_detail.html
akun-ini = Akun ini
pemiliknya-tidak-dapat-masuk = : pemiliknya tidak dapat masuk.
profil = Profil
data-ini-sudah-diubah-orang-lain = Data ini sudah diubah orang lain
sejak-anda-membukanya-sehingga-isian-anda = sejak Anda membukanya, sehingga isian Anda belum disimpan.
nilai-yang-tersimpan-sekarang-nama = Nilai yang tersimpan sekarang: nama
email-2 = , email
kosong = (kosong)
isian-anda-tetap-ada-di-formulir = Isian Anda tetap ada di formulir di bawah. Periksa, lalu simpan lagi bila memang ingin menggantinya.
keanggotaan = Keanggotaan
belum-ada-keanggotaan-pengguna-ini-belum = Belum ada keanggotaan: pengguna ini belum dapat melakukan apa pun.
pengurus = pengurus
bukan-pengurus-lagi = Bukan pengurus lagi
jadikan-pengurus = Jadikan pengurus
hapus-keanggotaan = Hapus keanggotaan
hapus = Hapus
ini-akun-anda-sendiri-peran-dan = Ini akun Anda sendiri: peran dan keanggotaannya hanya dapat diubah oleh administrator lain.
pilih-organisasi = — pilih organisasi —
peran-2 = Peran
pilih-peran = — pilih peran —
tambah-keanggotaan = Tambah keanggotaan
kata-sandi = Kata sandi
teruskan-kepada = . Teruskan kepada
lewat-jalur-yang-aman-tautan-ini = lewat jalur yang aman; tautan ini hanya ditampilkan sekarang.
bila-pengguna-lupa-kata-sandinya-buat = Bila pengguna lupa kata sandinya, buat tautan atur ulang: ia sendiri yang menentukan kata sandi baru. Tautan lama untuk akun ini tidak berlaku lagi.
buat-tautan-atur-ulang-kata-sandi = Buat tautan atur ulang kata sandi
atau-tetapkan-kata-sandi-baru-sendiri = Atau tetapkan kata sandi baru sendiri; keduanya mengakhiri semua sesi pengguna ini.
kata-sandi-baru-minimal-12-karakter = Kata sandi baru (minimal 12 karakter)
tetapkan-kata-sandi = Tetapkan kata sandi
verifikasi-dua-langkah = Verifikasi dua langkah
aktif-sejak = Aktif sejak
ini-akun-anda-sendiri-verifikasinya-hanya = Ini akun Anda sendiri: verifikasinya hanya dapat diatur ulang oleh administrator lain.
atur-ulang-bila-pengguna-kehilangan-ponselnya = Atur ulang bila pengguna kehilangan ponselnya dan kode pemulihannya. Semua sesinya diakhiri dan saat masuk berikutnya ia memasang aplikasi autentikator lagi.
ya-atur-ulang-verifikasi-dua-langkah = Ya, atur ulang verifikasi dua langkah
atur-ulang-verifikasi-dua-langkah = Atur ulang verifikasi dua langkah
belum-dipasang-administrator-pemberi-persetujuan-dan = Belum dipasang. Administrator, pemberi persetujuan dan perencana diminta memasangnya saat masuk berikutnya.
status-akun = Status akun
ini-akun-anda-sendiri-akun-anda = Ini akun Anda sendiri; akun Anda tidak dapat Anda nonaktifkan.
menonaktifkan-akun-mengakhiri-semua-sesinya-dan = Menonaktifkan akun mengakhiri semua sesinya dan mencegahnya masuk. Datanya tetap tersimpan.
nonaktifkan-pengguna = Nonaktifkan pengguna…
aktifkan-kembali = Aktifkan kembali
riwayat-perubahan = Riwayat perubahan
belum-ada-perubahan-tercatat = Belum ada perubahan tercatat.
oleh = oleh
sistem = sistem

## admin/user_new.html
tambah-2 = › Tambah
periksa-kembali-isian-yang-ditandai-demi = Periksa kembali isian yang ditandai. Demi keamanan, kata sandi perlu diketik ulang.
email-boleh-kosong = Email (boleh kosong)
kata-sandi-awal-kosongkan-untuk-mengirim = Kata sandi awal (kosongkan untuk mengirim undangan)
tanpa-kata-sandi-selaras-membuat-tautan = Tanpa kata sandi, Selaras membuat tautan undangan sekali pakai yang berlaku 7 hari: pengguna sendiri yang menentukan kata sandinya (dan staf memasang verifikasi dua langkah). Tautan ditampilkan sekali setelah akun dibuat untuk Anda teruskan.
simpan-pengguna = Simpan pengguna

## admin/users.html
pengguna-2 = › Pengguna
pengguna-3 = Pengguna ·
impor-organisasi-dan-pengguna-csv-xlsx = Impor organisasi dan pengguna (CSV/XLSX)
cari-nama-nama-pengguna-atau-organisasi = Cari nama, nama pengguna atau organisasi
pengguna-4 = pengguna
belum-ada-pengguna-di-wilayah-ini = Belum ada pengguna di wilayah ini.
tidak-ada-pengguna-yang-cocok-dengan = Tidak ada pengguna yang cocok dengan saringan ini.
daftar-pengguna = Daftar pengguna
organisasi-dan-peran = Organisasi dan peran
status = Status
belum-ada = belum ada
aktif = Aktif
nonaktif-2 = Nonaktif

## alignment/remove.html
hapus-keterkaitan = Hapus keterkaitan
hapus-keterkaitan-ini = Hapus keterkaitan ini?
tidak-lagi-mengacu = tidak lagi mengacu
bila-tidak-ada-acuan-lain-item = Bila tidak ada acuan lain, item ini akan muncul sebagai belum selaras pada Cek Keselarasan. Tindakan ini tercatat.
ya-hapus-keterkaitan = Ya, hapus keterkaitan

## alignment/unaligned.html
belum-selaras = Belum selaras ·
belum-selaras-2 = › Belum selaras
item-yang-belum-selaras-ke-atas = Item yang belum selaras ke atas
setiap-item-di-bawah-ini-perlu = Setiap item di bawah ini perlu mengacu item dokumen di atasnya (mis. program RKPD ke sasaran atau program RPJMD). Buka item, lalu pilih acuannya pada bagian Keselarasan.
cek-keselarasan-lengkap = Cek Keselarasan lengkap
semua-item-yang-perlu-acuan-sudah = Semua item yang perlu acuan sudah selaras, atau dokumen acuannya belum ada.
item-belum-selaras = item belum selaras.
item = Item
perlu-mengacu = Perlu mengacu
penanggung-jawab = Penanggung jawab

## api/docs.html
api-data-terbuka = API data terbuka
rencana-yang-telah-ditetapkan-beserta-item = Rencana yang telah ditetapkan beserta item, indikator, target, realisasi dan pagunya; hasil Cek keselarasan; usulan Musrenbang, aspirasi dan pokir beserta riwayatnya; serta daftar wilayah dan nomenklatur, dalam JSON. Tanpa akun, tanpa rancangan, tanpa nama orang.
dokumen-openapi-3-1 = Dokumen OpenAPI 3.1:
api-v1-openapi-json = /api/v1/openapi.json
daftar-dibagi-per-halaman-ikuti = Daftar dibagi per halaman: ikuti
next = next
atau-kirim = (atau kirim
next-cursor = next_cursor
sebagai = sebagai
cursor = ?cursor=
paling-banyak-500-baris-per-halaman = ), paling banyak 500 baris per halaman dengan
limit = ?limit=
setiap-jawaban-membawa = Setiap jawaban membawa
etag = ETag
kirim-kembali-sebagai = ; kirim kembali sebagai
if-none-match = If-None-Match
untuk-jawaban-304-bila-tidak-berubah = untuk jawaban 304 bila tidak berubah.
dapat-dipanggil-dari-situs-mana-pun = Dapat dipanggil dari situs mana pun (CORS untuk GET). Setiap klien boleh mengirim 120 permintaan per menit; selebihnya dijawab 429 dengan
retry-after = Retry-After
angka-uang-dan-ukuran-dikirim-sebagai = Angka uang dan ukuran dikirim sebagai teks desimal (
agar-tidak-dibulatkan = ) agar tidak dibulatkan.
contoh = Contoh:
api-v1-plans-region-33-71 = /api/v1/plans?region=33.71&kind=rkpd
alamat = Alamat
get = GET
parameter = Parameter
letak = Letak
keterangan = Keterangan
wajib = (wajib)
jawaban = Jawaban
isi = Isi
skema = Skema
salah-satu-dari = Salah satu dari:
isian = Isian
boleh-kosong = (boleh kosong)

## auth/code.html
kata-sandi-anda-benar-masukkan-kode = Kata sandi Anda benar. Masukkan kode enam angka yang sedang tampil di aplikasi autentikator Anda.
kode-verifikasi = Kode verifikasi
lanjutkan = Lanjutkan
ponsel-anda-hilang-masukkan-salah-satu = Ponsel Anda hilang? Masukkan salah satu kode pemulihan yang Anda simpan saat memasang verifikasi ini, atau minta administrator wilayah Anda mengatur ulang verifikasi dua langkah akun Anda.
batal-dan-keluar = Batal dan keluar

## auth/enrol.html
pasang-verifikasi-dua-langkah = Pasang verifikasi dua langkah
akun-anda-dapat-mengubah-atau-menetapkan = Akun Anda dapat mengubah atau menetapkan rencana, sehingga masuk memerlukan kode dari aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator, FreeOTP atau Aegis), selain kata sandi.
di-aplikasi-autentikator-pilih-tambah-akun = Di aplikasi autentikator, pilih tambah akun lalu pindai kode QR ini.
kode-qr-untuk-aplikasi-autentikator = Kode QR untuk aplikasi autentikator
tidak-dapat-memindai-ketik-kunci-ini = Tidak dapat memindai? Ketik kunci ini di aplikasi (jenis: berbasis waktu):
masukkan-kode-enam-angka-yang-kemudian = Masukkan kode enam angka yang kemudian tampil di aplikasi.
kode-dari-aplikasi = Kode dari aplikasi
aktifkan = Aktifkan

## auth/forgot.html
lupa-kata-sandi = Lupa kata sandi
bila-akun-itu-ada-dan-memiliki = Bila akun itu ada dan memiliki alamat email, tautan atur ulang kata sandi telah dikirim ke sana. Tautan berlaku 30 menit dan hanya sekali pakai. Periksa juga folder spam.
tulis-nama-pengguna-atau-alamat-email = Tulis nama pengguna atau alamat email akun Anda. Kami mengirim tautan untuk menentukan kata sandi baru ke alamat email akun itu.
nama-pengguna-atau-email = Nama pengguna atau email
kirim-tautan = Kirim tautan
akun-tanpa-alamat-email-minta-admin = Akun tanpa alamat email: minta admin Selaras di Bappeda daerah Anda membuat tautan atur ulang.
minta-admin-selaras-di-bappeda-daerah = Minta admin Selaras di Bappeda daerah Anda membuat
tautan-atur-ulang-kata-sandi = tautan atur ulang kata sandi
untuk-akun-anda-di-halaman-akun = untuk akun Anda (di halaman akun Anda pada menu Admin › Pengguna). Tautan itu berlaku 24 jam dan hanya sekali pakai; dengan tautan itu Anda sendiri yang menentukan kata sandi baru, admin tidak mengetahuinya.
bila-anda-staf-dengan-verifikasi-dua = Bila Anda staf dengan verifikasi dua langkah dan kehilangan ponsel, sampaikan juga kepada admin agar verifikasi itu diatur ulang.
kembali-ke-halaman-masuk = Kembali ke halaman masuk

## auth/link.html
konfirmasi-email = Konfirmasi email
undangan-selaras = Undangan Selaras
atur-ulang-kata-sandi = Atur ulang kata sandi
akun-warga = Akun warga
nama-pengguna-2 = (nama pengguna
menunggu-konfirmasi-alamat-email-ini-tautan = ) menunggu konfirmasi alamat email ini. Tautan berlaku sampai
konfirmasi-email-saya = Konfirmasi email saya
bila-anda-tidak-mendaftar-di-selaras = Bila Anda tidak mendaftar di Selaras, abaikan halaman ini; akun tanpa konfirmasi tidak dapat dipakai.
selamat-datang-di-selaras = Selamat datang di Selaras
akun-untuk = Akun untuk
sudah-disiapkan = sudah disiapkan.
untuk-akun = Untuk akun
nama-pengguna-3 = Nama pengguna:
tautan-ini-berlaku-sampai = . Tautan ini berlaku sampai
dan-hanya-dapat-dipakai-sekali = dan hanya dapat dipakai sekali.
ulangi-kata-sandi = Ulangi kata sandi
staf-perencana-penyetuju-dan-admin-akan = Staf perencana, penyetuju dan admin akan diminta memasang verifikasi dua langkah pada saat masuk pertama.
tautan-tidak-berlaku = Tautan tidak berlaku
tautan-ini-sudah-dipakai-sudah-kedaluwarsa = Tautan ini sudah dipakai, sudah kedaluwarsa, atau tidak dikenal. Minta admin Selaras di Bappeda daerah Anda membuat tautan baru.
ke-halaman-masuk = Ke halaman masuk

## auth/login.html
masuk = Masuk
masuk-ke-selaras = Masuk ke Selaras
lupa-kata-sandi-2 = Lupa kata sandi?
warga-yang-ingin-memberi-masukan-pada = Warga yang ingin memberi masukan pada konsultasi publik atau mengirim aspirasi:
daftar-akun-warga = daftar akun warga

## auth/recovery.html
kode-pemulihan = Kode pemulihan
verifikasi-dua-langkah-aktif = Verifikasi dua langkah aktif
simpan-sepuluh-kode-pemulihan-ini-di = Simpan sepuluh kode pemulihan ini di tempat aman (dicetak, atau di pengelola kata sandi). Bila ponsel Anda hilang, setiap kode dapat dipakai sekali sebagai pengganti kode dari aplikasi.
kode-ini-hanya-ditampilkan-sekarang = Kode ini hanya ditampilkan sekarang.
saya-sudah-menyimpannya-lanjutkan = Saya sudah menyimpannya, lanjutkan

## auth/signup.html
daftar-akun-warga-2 = Daftar akun warga
periksa-email-anda-di = Periksa email Anda di
kami-mengirim-tautan-konfirmasi-yang-berlaku = : kami mengirim tautan konfirmasi yang berlaku 48 jam. Akun dapat dipakai setelah dikonfirmasi. Periksa juga folder spam.
pendaftaran-mandiri-memerlukan-email-konfirmasi-dan = Pendaftaran mandiri memerlukan email konfirmasi, dan server Selaras ini belum dapat mengirim email. Hubungi admin Selaras di Bappeda daerah Anda untuk dibuatkan akun, atau minta lembaga Anda (PKK, LPM, Karang Taruna …) mendaftarkan Anda.
dengan-akun-warga-anda-dapat-memberi = Dengan akun warga Anda dapat memberi masukan pada rancangan rencana yang sedang dalam konsultasi publik, mengirim aspirasi, dan mengikuti usulan. Staf pemerintah daerah, desa dan lembaga menerima akun dari admin daerahnya.
nama-pengguna-untuk-masuk = Nama pengguna (untuk masuk)
kabupaten-kota-tempat-tinggal = Kabupaten/kota tempat tinggal
pilih = Pilih…
bergabung-dengan-lembaga = Bergabung dengan lembaga
tidak-sekarang = Tidak sekarang
pengurus-lembaga-atau-perencana-bappeda-menyetujui = Pengurus lembaga atau perencana Bappeda menyetujui permintaan Anda lebih dulu.
daftar = Daftar
sudah-punya-akun = Sudah punya akun?

## base.html
selaras = Selaras
selaras-2 = · Selaras
langsung-ke-isi = Langsung ke isi
menu-utama = Menu utama
menu = Menu
belum-dibaca = belum dibaca
menu-utama-di-ponsel = Menu utama di ponsel
selaras-perencanaan-pembangunan-daerah-yang-selaras = Selaras · perencanaan pembangunan daerah yang selaras, dari visi hingga sub kegiatan. ·

## checks/page.html
cek-keselarasan = Cek Keselarasan ·
cek-keselarasan-2 = › Cek Keselarasan
cek-keselarasan-3 = Cek Keselarasan
galat-dan = galat dan
peringatan = peringatan.
unduh-xlsx = Unduh (.xlsx)
json = JSON
item-belum-selaras-2 = Item belum selaras
ringkasan-per-aturan = Ringkasan per aturan
tidak-ada-temuan = Tidak ada temuan.
perbaiki = Perbaiki

## comments/follow_up.html
tindak-lanjut-belum-tersimpan = Tindak lanjut belum tersimpan
masukan-dari = Masukan dari
status-tindak-lanjut = Status tindak lanjut
pilih-status = — pilih status —
jawaban-dibaca-penulis-masukan = Jawaban (dibaca penulis masukan)
simpan-tindak-lanjut = Simpan tindak lanjut
kembali-ke-komentar = Kembali ke komentar

## comments/remove.html
hapus-komentar = Hapus komentar
hapus-komentar-ini = Hapus komentar ini?
di-tempatnya-akan-tertulis-komentar-dihapus = Di tempatnya akan tertulis “Komentar dihapus”. Balasan tetap terlihat. Tindakan ini tercatat dan tidak dapat dibatalkan.
ya-hapus = Ya, hapus

## comments/retry.html
komentar-belum-terkirim = Komentar belum terkirim
komentar-anda = Komentar Anda
kirim-lagi = Kirim lagi
kembali-ke-rencana = Kembali ke rencana

## consultation/list.html
konsultasi-publik = Konsultasi publik
konsultasi-publik-yang-dibuka = Konsultasi publik yang dibuka
ikuti-lewat-feed-atom = Ikuti lewat feed Atom
konsultasi-publik-yang-dibuka-di-aplikasi = : konsultasi publik yang dibuka, di aplikasi pembaca feed.
rancangan-rencana-pembangunan-yang-sedang-dibuka = Rancangan rencana pembangunan yang sedang dibuka untuk masukan masyarakat. Siapa saja dapat membacanya; untuk memberi masukan, masuk dengan akun masyarakat atau lembaga.
saat-ini-tidak-ada-rancangan-yang = Saat ini tidak ada rancangan yang sedang dikonsultasikan.
berita-acara = Berita acara

## consultation/minutes.html
berita-acara-konsultasi-publik = Berita acara konsultasi publik
berita-acara-2 = › Berita acara
berita-acara-konsultasi-publik-2 = Berita Acara Konsultasi Publik
pemerintah = Pemerintah
konsultasi-publik-ditutup-pada = Konsultasi publik ditutup pada
tercatat = . Tercatat
masukan-beserta-tindak-lanjutnya = masukan beserta tindak lanjutnya.
untuk-mencetak-atau-menyimpan-sebagai-pdf = Untuk mencetak atau menyimpan sebagai PDF, gunakan menu cetak peramban.
tidak-ada-masukan-publik-selama-konsultasi = Tidak ada masukan publik selama konsultasi.
no = No
tanggal = Tanggal
dari-2 = Dari
bagian = Bagian
masukan = Masukan
tindak-lanjut = Tindak lanjut
halaman-berita-acara = Halaman berita acara
sebelumnya = ‹ Sebelumnya
halaman = (halaman
berkas-xlsx-memuat-semuanya = ); berkas .xlsx memuat semuanya.
berikutnya = Berikutnya ›
berita-acara-tersedia-setelah-konsultasi-publik = Berita acara tersedia setelah konsultasi publik ditutup.

## errors/error.html
kembali-ke-beranda = Kembali ke beranda
kode-permintaan = Kode permintaan:

## errors/refused_form.html
isian-belum-terkirim = Isian belum terkirim
isian-yang-ditandai-berisi-karakter-kontrol = Isian yang ditandai berisi karakter kontrol (misalnya NUL) yang tidak dapat disimpan, biasanya terbawa saat menyalin teks. Karakter itu sudah kami buang di bawah; periksa isinya, lalu kirim lagi.
isi-lagi = (isi lagi)
berisi-karakter-yang-tidak-diizinkan-ketik = Berisi karakter yang tidak diizinkan; ketik lagi.
karakter-kontrol-di-isian-ini-sudah = Karakter kontrol di isian ini sudah dibuang; periksa lalu kirim lagi.

## home.html
beranda = Beranda
selamat-datang = Selamat datang,
wilayah-2 = Wilayah:
nama-pengguna-4 = · Nama pengguna:
organisasi-dan-peran-anda = Organisasi dan peran Anda
akun-anda-belum-memiliki-keanggotaan-di = Akun Anda belum memiliki keanggotaan di organisasi mana pun. Minta admin Selaras di Bappeda untuk menambahkan organisasi dan peran Anda.
yang-dapat-anda-lakukan-sekarang = Yang dapat Anda lakukan sekarang

## inbox.html
kotak-masuk = Kotak masuk
belum-ada-pemberitahuan-anda-akan-diberi = Belum ada pemberitahuan. Anda akan diberi tahu tentang komentar pada pekerjaan Anda, balasan, tindak lanjut atas masukan Anda, perpindahan tahap rencana dan persetujuan yang menunggu Anda.
tandai-semua-sudah-dibaca = Tandai semua sudah dibaca
halaman-kotak-masuk = Halaman kotak masuk
terbaru = Terbaru
lebih-lama = Lebih lama

## kerja_sama/list.html
kerja-sama-daerah = Kerja sama daerah
kerja-sama-dengan-daerah-lain-ksdd = Kerja sama dengan daerah lain (KSDD) dan pihak ketiga (KSDPK, KSDPL), dari identifikasi sampai selesai, beserta item rencana dan pagu yang memuatnya di setiap daerah mitra.
catat-kerja-sama-baru = Catat kerja sama baru
cari-judul-objek-urusan-atau-mitra = Cari judul, objek, urusan atau mitra
kerja-sama = kerja sama
belum-ada-kerja-sama-yang-tercatat = Belum ada kerja sama yang tercatat.
tidak-ada-kerja-sama-yang-cocok = Tidak ada kerja sama yang cocok dengan saringan ini.
kerja-sama-2 = Kerja sama
mitra = Mitra
tahun = Tahun

## kerja_sama/new.html
ubah-kerja-sama = Ubah kerja sama
catat-kerja-sama = Catat kerja sama
catat-baru = Catat baru
ubah-kerja-sama-daerah = Ubah kerja sama daerah
catat-kerja-sama-daerah = Catat kerja sama daerah
periksa-kembali-isian-yang-ditandai-isian-2 = Periksa kembali isian yang ditandai. Isian Anda tidak hilang.
judul-kerja-sama = Judul kerja sama
urusan-pemerintahan = Urusan pemerintahan
objek-kerja-sama = Objek kerja sama
daerah-mitra-pilih-satu-atau-lebih = Daerah mitra (pilih satu atau lebih; kosongkan bila hanya pihak ketiga)
pihak-ketiga-satu-per-baris = Pihak ketiga (satu per baris)
tahun-mulai = Tahun mulai
tahun-selesai = Tahun selesai

## kerja_sama/show.html
kerja-sama-daerah-2 = · Kerja sama daerah
dicatat-oleh = Dicatat oleh
urusan = Urusan
ubah-data-kerja-sama = Ubah data kerja sama
peta-daerah-yang-bekerja-sama = Peta daerah yang bekerja sama
lanjutkan-ke = Lanjutkan ke
kembalikan-ke = Kembalikan ke
tahapan-waktu = Tahapan waktu
belum-ada-tahapan = Belum ada tahapan.
selesai = selesai
tandai-belum-selesai = Tandai belum selesai
tandai-selesai = Tandai selesai
tambah-tahapan = Tambah tahapan
tanggal-target = Tanggal target
tahapan = Tahapan
item-rencana-dan-pagu-yang-memuatnya = Item rencana dan pagu yang memuatnya
belum-ada-pagu-untuk-tahun = Belum ada pagu untuk tahun
kerja-sama-yang-direncanakan-perlu-item = Kerja sama yang direncanakan perlu item berpagu pada tahun-tahunnya (Cek Keselarasan K13).
belum-ada-item-rencana-yang-terkait = Belum ada item rencana yang terkait.
dokumen = Dokumen
pagu = Pagu
tindakan = Tindakan
lepaskan = Lepaskan
wilayah-anda-belum-memiliki-rkpd-renja = Wilayah Anda belum memiliki RKPD, Renja, RPJMD atau Renstra pada tahun kerja sama ini.
kaitkan-item-rencana-wilayah-anda = Kaitkan item rencana wilayah Anda
item-belum-dikaitkan-periksa-isian-yang = Item belum dikaitkan; periksa isian yang ditandai.
dokumen-rencana = Dokumen rencana
kode-program-kegiatan-sub-kegiatan = Kode program/kegiatan/sub kegiatan
kaitkan = Kaitkan

## kerja_sama/unlink.html
lepas-item-dari-kerja-sama = Lepas item dari kerja sama
lepaskan-item-ini-dari-kerja-sama = Lepaskan item ini dari kerja sama?
tidak-lagi-tercatat-memuat-kerja-sama = tidak lagi tercatat memuat kerja sama “
pagunya-tidak-berubah-bila-tidak-ada = ”. Pagunya tidak berubah. Bila tidak ada item berpagu lain, Cek Keselarasan (K13) akan menandai kerja sama ini. Tindakan ini tercatat.
ya-lepaskan = Ya, lepaskan

## landing.html
rencana-pembangunan-daerah-disusun-bersama-dan = Rencana pembangunan daerah, disusun bersama dan selaras
selaras-mempertemukan-bappeda-perangkat-daerah-desa = Selaras mempertemukan Bappeda, perangkat daerah, desa dan kelurahan, lembaga kemasyarakatan, DPRD dan warga dalam satu tempat untuk menyusun, membahas, menyelaraskan dan menetapkan RPJPD, RPJMD, Renstra, RKPD, Renja, RPJMDes dan RKPDes.
daftar-sebagai-warga = Daftar sebagai warga
satu-rencana-satu-naskah = Satu rencana, satu naskah
semua-pihak-membaca-dan-memberi-masukan = Semua pihak membaca dan memberi masukan pada naskah yang sama, bukan pada berkas yang dikirim bolak-balik.
dari-visi-ke-sub-kegiatan = Dari visi ke sub kegiatan
visi-misi-tujuan-sasaran-program-kegiatan = Visi, misi, tujuan, sasaran, program, kegiatan dan sub kegiatan tersusun sebagai satu pohon kinerja dengan indikator, target dan pagu.
usulan-yang-dapat-dilacak = Usulan yang dapat dilacak
setiap-usulan-musrenbang-dan-pokir-dapat = Setiap usulan Musrenbang dan pokir dapat diikuti dengan nomornya sampai ke sub kegiatan dan pagu yang menampungnya.

## maps/pagu.html
peta-pagu = Peta pagu
rencana = Rencana
peta-pagu-2 = › Peta pagu
ke-mana-anggarannya = Ke mana anggarannya:
pagu-sub-kegiatan-tahun = Pagu sub kegiatan tahun
per = per
menurut-lokasinya-sub-kegiatan-yang-berlokasi = menurut lokasinya. Sub kegiatan yang berlokasi di beberapa tempat dibagi rata di antara lokasinya.
per-kecamatan = per kecamatan
per-desa-kelurahan = per desa/kelurahan
tampilkan = Tampilkan
jumlah-pagu = Jumlah pagu
belum-ada-sub-kegiatan-berpagu-tahun = Belum ada sub kegiatan berpagu tahun
yang-lokasinya-di-peta-ini = yang lokasinya di peta ini.
tanpa-lokasi-di-peta-ini = Tanpa lokasi di peta ini:
sub-kegiatan-tanpa-lokasi-berlokasi-di = Sub kegiatan tanpa lokasi, berlokasi di seluruh
atau-di-satu-kecamatan = atau di satu kecamatan

## maps/proposals.html
peta-usulan = Peta usulan
usulan = Usulan
peta = › Peta
jumlah-usulan-per = Jumlah usulan per
desa-kelurahan = desa/kelurahan
kecamatan-2 = kecamatan
dengan-saringan-di-bawah-titik-menandai = dengan saringan di bawah; titik menandai usulan yang mencantumkan koordinat. Klik wilayah untuk melihat daftar usulannya.
sumber = Sumber
bidang-urusan-kode = Bidang urusan (kode)
usulan-2 = usulan,
lebih-dari = lebih dari
dengan-titik-koordinat = dengan titik koordinat (
pertama-digambar = pertama digambar)
dengan-titik-koordinat-2 = dengan titik koordinat
daftar-usulan-dengan-saringan-ini = daftar usulan dengan saringan ini
desa-kelurahan-2 = Desa/kelurahan
belum-ada-usulan-di-wilayah-mana = Belum ada usulan di wilayah mana pun.
pilih-kabupaten-kota = Pilih kabupaten/kota:

## maps/province.html
rkpd = RKPD
kabupaten-kota-di = kabupaten/kota di
jumlah-temuan-k11-prioritas-yang-tidak = Jumlah temuan K11 (prioritas yang tidak merujuk prioritas RKPD provinsi) per kabupaten/kota.
tahap-rkpd = Tahap RKPD
setiap-kabupaten-kota = setiap kabupaten/kota.
rancangan-yang-belum-dibuka-untuk-umum = Rancangan yang belum dibuka untuk umum hanya disebut keberadaannya.
warna = Warna
tahap-rkpd-2 = tahap RKPD
temuan-k11 = temuan K11
per-kabupaten-kota = per kabupaten/kota
kabupaten-kota = Kabupaten/kota
temuan-k11-2 = Temuan K11

## meetings/list.html
musyawarah = Musyawarah
musrenbang-di-setiap-tingkat-forum-perangkat = Musrenbang di setiap tingkat, forum perangkat daerah dan Forum Kemitraan: waktu, tempat, agenda, daftar hadir, keputusan atas usulan dan berita acaranya.
catat-musyawarah = Catat musyawarah
belum-ada-musyawarah-yang-dicatat = Belum ada musyawarah yang dicatat.
daftar-musyawarah = Daftar musyawarah
penyelenggara = Penyelenggara

## meetings/new.html
baru = › Baru
pilih-2 = — pilih —
nama-musyawarah = Nama musyawarah
tempat = Tempat
agenda = Agenda
organisasi-yang-diundang = Organisasi yang diundang

## meetings/print.html
cetak = Cetak
kembali-ke-halaman-musyawarah = ‹ Kembali ke halaman musyawarah
untuk-mencetak-atau-menyimpan-sebagai-pdf-2 = Untuk mencetak atau menyimpan sebagai PDF, gunakan menu cetak peramban (Ctrl+P).
berita-acara-3 = Berita Acara
daftar-hadir = Daftar hadir (
orang = orang)
mewakili = Mewakili
tanda-tangan = Tanda tangan
orang-2 = orang
keputusan-atas-usulan = Keputusan atas usulan
tidak-ada-keputusan-atas-usulan = Tidak ada keputusan atas usulan.
notulen = Notulen

## meetings/show.html
cetak-berita-acara = Cetak berita acara
berita-acara-xlsx = Berita acara (.xlsx)
diundang = Diundang
tidak-ada-undangan-yang-dicatat = Tidak ada undangan yang dicatat.
belum-ada-peserta-yang-dicatat = Belum ada peserta yang dicatat.
nama-peserta = Nama peserta
belum-ada-keputusan-yang-dicatat-di = Belum ada keputusan yang dicatat di musyawarah ini.
usulan-yang-dibahas = Usulan yang dibahas
catatan-wajib-bila-menolak = Catatan (wajib bila menolak)
catat = Catat
notulen-dibaca-semua-orang = Notulen (dibaca semua orang)
simpan-notulen = Simpan notulen
notulen-belum-ditulis = Notulen belum ditulis.

## partials/comments.html
komentar-dan-masukan = Komentar dan masukan
berhenti-mengikuti = Berhenti mengikuti
ikuti = Ikuti
anda-menerima-pemberitahuan-komentar-dan-perpindahan = Anda menerima pemberitahuan komentar dan perpindahan tahap.
terima-pemberitahuan-komentar-dan-perubahan-tahap = Terima pemberitahuan komentar dan perubahan tahap di kotak masuk.
belum-ada-komentar = Belum ada komentar.
diubah = (diubah)
publik = publik
internal = internal
pada = · pada
tentang-bagian-rencana-yang-telah-dihapus = tentang bagian rencana yang telah dihapus
komentar-dihapus = Komentar dihapus
oleh-moderator = oleh moderator
tindak-lanjut-2 = Tindak lanjut:
ubah-komentar-15-menit-setelah-dikirim = Ubah komentar (15 menit setelah dikirim)
balas = Balas
balasan = Balasan
kirim-balasan = Kirim balasan
jawaban-untuk-penulis = Jawaban untuk penulis
hapus-2 = Hapus…
halaman-komentar = Halaman komentar
komentar-sebelumnya = ‹ Komentar sebelumnya
halaman-2 = Halaman
komentar-berikutnya = Komentar berikutnya ›
tentang = Tentang
rencana-secara-umum = Rencana secara umum
masukan-anda-publik-dapat-dibaca-siapa = Masukan Anda (publik: dapat dibaca siapa saja)
catatan-internal-staf-pemerintah-daerah-dan = Catatan internal (staf pemerintah daerah dan DPRD)
kirim = Kirim
masuk-untuk-memberi-masukan = Masuk untuk memberi masukan

## partials/menu.html
cari-rencana-item-indikator-usulan = Cari rencana, item, indikator, usulan
cari = Cari…
konsultasi = Konsultasi
profil-saya-2 = Profil saya (
keluar = Keluar

## plans/ceilings.html
pagu-indikatif-perangkat-daerah = Pagu indikatif perangkat daerah ·
pagu-indikatif-perangkat-daerah-2 = › Pagu indikatif perangkat daerah
pagu-indikatif-perangkat-daerah-3 = Pagu indikatif perangkat daerah
jumlah-pagu-sub-kegiatan-tiap-perangkat = Jumlah pagu sub kegiatan tiap perangkat daerah tidak boleh melebihi pagu indikatifnya (Cek Keselarasan K08). Kosongkan bila belum ditetapkan.
periksa-kembali-nilai-yang-ditandai-belum = Periksa kembali nilai yang ditandai; belum ada yang disimpan.
pagu-indikatif-ini-baru-saja-diubah = Pagu indikatif ini baru saja diubah orang lain, sehingga isian Anda belum disimpan. Isian Anda tetap di kolom; nilai yang tersimpan sekarang tertulis di bawah kolom yang berubah. Periksa, lalu simpan lagi.
belum-ada-perangkat-daerah-di-wilayah = Belum ada perangkat daerah di wilayah ini.
pagu-indikatif = Pagu indikatif
mis-25-000-000-000 = mis. 25.000.000.000
tersimpan-sekarang-oleh-orang-lain = Tersimpan sekarang (oleh orang lain):
sub-kegiatan-3 = Sub kegiatan:
melebihi-pagu = melebihi pagu
simpan-pagu-indikatif = Simpan pagu indikatif

## plans/changes.html
perubahan = Perubahan ·
perubahan-2 = › Perubahan
perubahan-terhadap = Perubahan terhadap
rkpd-awal = RKPD awal
belum-ada-perubahan-setiap-perubahan-pada = Belum ada perubahan. Setiap perubahan pada RKPD Perubahan tercatat di sini beserta alasannya.
cari-yang-diubah-alasan-atau-pengubah = Cari yang diubah, alasan atau pengubah
perubahan-3 = perubahan
tidak-ada-perubahan-yang-cocok-dengan = Tidak ada perubahan yang cocok dengan saringan ini.
waktu = Waktu
yang-diubah = Yang diubah
sebelum = Sebelum
sesudah = Sesudah
alasan = Alasan

## plans/chart.svg
grafik = Grafik
kondisi-awal = Kondisi awal
rentang-target = Rentang target
target = Target
realisasi = Realisasi

## plans/compare.html
perbandingan = Perbandingan ·
versi = Versi
perbandingan-2 = › Perbandingan
perbandingan-3 = Perbandingan
ke = ke
teks-tambahan = Teks tambahan
dan = dan
teks-yang-dihapus = teks yang dihapus
ditandai = ditandai.
tidak-ada-perbedaan = Tidak ada perbedaan.
tandai-sudah-dibaca = Tandai sudah dibaca
item-baru = Item baru
item-dihapus = Item dihapus
yang-berubah = Yang berubah
semula = Semula
menjadi = Menjadi

## plans/import.html
impor-target-dan-pagu = Impor target dan pagu ·
impor-target-dan-pagu-2 = › Impor target dan pagu
impor-target-dan-pagu-3 = Impor target dan pagu
n-1-unduh-lembar-kerja = 1. Unduh lembar kerja
lembar-kerja-berisi-satu-baris-untuk = Lembar kerja berisi satu baris untuk setiap tahun target indikator dan setiap tahun pagu, lengkap dengan kunci dan versinya. Ubah kolom
target-maks = Target maks
di-excel-atau-libreoffice-jangan-ubah = di Excel atau LibreOffice; jangan ubah kolom Kunci baris dan Versi.
unduh-lembar-target-dan-pagu-xlsx = Unduh lembar target dan pagu (.xlsx)
n-2-unggah-kembali = 2. Unggah kembali
anda-akan-melihat-setiap-perubahan-lama = Anda akan melihat setiap perubahan (lama → baru), setiap baris yang salah beserta nomor barisnya, dan baris yang sudah diubah di Selaras sejak lembar diunduh. Tidak ada yang disimpan sebelum Anda menerapkannya.
berkas-xlsx-paling-besar-4-mb = Berkas .xlsx (paling besar 4 MB)
berkas = Berkas
diunggah = , diunggah
diterapkan = Diterapkan
nilai-diubah = nilai diubah.
konflik-diubah-di-selaras-sejak-diunduh = konflik (diubah di Selaras sejak diunduh; tidak diterapkan)
baris-tidak-berubah = baris tidak berubah
isi-berkas-ini-sama-dengan-rencana = Isi berkas ini sama dengan rencana
kecuali-konflik-di-bawah = , kecuali konflik di bawah
tidak-ada-yang-perlu-diterapkan = : tidak ada yang perlu diterapkan.
baris-yang-salah = Baris yang salah
perbaiki-baris-berikut-di-lembar-kerja = Perbaiki baris berikut di lembar kerja lalu unggah lagi. Selama masih ada baris yang salah, tidak ada yang diterapkan.
perubahan-yang-diterapkan = Perubahan yang diterapkan
perubahan-4 = Perubahan
lama = Lama
baru-2 = Baru
konflik = Konflik
isian-ini-diubah-di-selaras-setelah = Isian ini diubah di Selaras setelah lembar kerja diunduh, dan berkas menyebut nilai lain. Nilai di Selaras dipertahankan; unduh lembar baru bila ingin mengubahnya.
di-selaras = Di Selaras
di-berkas = Di berkas
alasan-perubahan-rkpd-perubahan = Alasan perubahan (RKPD Perubahan)
terapkan = Terapkan

## plans/indicator.html
indikator-2 = › Indikator
polaritas = Polaritas
sumber-data = Sumber data
kondisi-awal-target-dan-realisasi = Kondisi awal, target dan realisasi
perlu-diperiksa = Perlu diperiksa:
target-2 = Target (
ubah-indikator = Ubah indikator
indikator-ini-sudah-diubah-orang-lain = Indikator ini sudah diubah orang lain
sejak-anda-membukanya-sehingga-isian-anda-2 = sejak Anda membukanya, sehingga isian Anda belum disimpan. Nilai yang tersimpan sekarang tampil pada tabel dan grafik di atas; isian Anda tetap di formulir ini. Periksa, lalu simpan lagi.
periksa-kembali-isian-yang-ditandai = Periksa kembali isian yang ditandai.
samakan-target-dengan-dokumen-acuan = Samakan target dengan dokumen acuan
target-tiap-tahun-diganti-dengan-kolom = Target tiap tahun diganti dengan kolom "Target dokumen acuan" di bawah; realisasi tetap.
simpan-indikator = Simpan indikator
hapus-indikator-ini = Hapus indikator ini
catat-realisasi = Catat realisasi
rencana-ini-sudah-ditetapkan-target-tidak = Rencana ini sudah ditetapkan: target tidak berubah, realisasi tiap tahun dicatat di sini (
desimal-dengan-koma-mis-4-13 = ; desimal dengan koma, mis. 4,13).
indikator-ini-sudah-diubah-orang-lain-2 = Indikator ini sudah diubah orang lain sejak Anda membukanya, sehingga isian Anda belum disimpan. Nilai tersimpan tampil di tabel di atas; isian Anda tetap di formulir ini. Periksa, lalu simpan lagi.
simpan-realisasi = Simpan realisasi

## plans/indicator_fields.html
nama-indikator = Nama indikator
definisi-operasional = Definisi operasional
kondisi-awal-mis-14-2 = Kondisi awal (mis. 14,2)
tahun-kondisi-awal = Tahun kondisi awal
target-dan-realisasi-per-tahun-untuk = Target dan realisasi per tahun (untuk polaritas rentang isi juga batas atas)
kosongkan-kolom-suatu-tahun-untuk-menghapus = Kosongkan kolom suatu tahun untuk menghapus target atau realisasi tahun itu.
target-atau-batas-bawah = Target (atau batas bawah)
batas-atas-rentang = Batas atas (rentang)
target-dokumen-acuan = Target dokumen acuan
batas-atas = Batas atas
kondisi-akhir-target-akhir-periode = Kondisi akhir (target akhir periode)
kondisi-akhir-batas-atas-rentang = Kondisi akhir, batas atas (rentang)
alasan-perubahan = Alasan perubahan

## plans/indicator_new.html
indikator-baru = Indikator baru
indikator-baru-2 = › Indikator baru

## plans/item.html
lokasi = Lokasi
sumber-dana = Sumber dana
waktu-pelaksanaan = Waktu pelaksanaan
prioritas = Prioritas
peta-lokasi = Peta lokasi
peta-pagu-seluruh = Peta pagu seluruh
indikator-dan-target = Indikator dan target
belum-ada-indikator = Belum ada indikator.
setiap-tujuan-sasaran-program-kegiatan-dan = Setiap tujuan, sasaran, program, kegiatan dan sub kegiatan perlu sedikitnya satu indikator.
tambah-indikator = Tambah indikator
prakiraan-maju = (prakiraan maju)
mis-1-250-000-000 = mis. 1.250.000.000
sekarang = Sekarang:
alasan-perubahan-pagu = Alasan perubahan pagu
simpan-pagu = Simpan pagu
keselarasan-dan-keterkaitan = Keselarasan dan keterkaitan
belum-ada-2 = Belum ada
yang-mencakup-tahun = yang mencakup tahun
untuk-diacu = untuk diacu.
selaras-ke-atas-dengan = Selaras ke atas dengan
belum-selaras-3 = Belum selaras:
ini-perlu-mengacu = ini perlu mengacu
item-ini-belum-terhubung-dengan-dokumen = Item ini belum terhubung dengan dokumen lain.
mengacu-ke-atas = Mengacu ke atas
dijabarkan-atau-diacu-di = Dijabarkan atau diacu di
memuat-kerja-sama-daerah = Memuat kerja sama daerah
cari-acuan-awal-kode-atau-kata = Cari acuan (awal kode atau kata dalam nama)
cari-2 = Cari
hanya-sebagian-yang-ditampilkan-persempit-dengan = Hanya sebagian yang ditampilkan; persempit dengan pencarian.
tidak-ada-yang-cocok-dengan = Tidak ada yang cocok dengan “
selaraskan-dengan = Selaraskan dengan
tambahkan-keterkaitan = Tambahkan keterkaitan
rincian-di-bawahnya = Rincian di bawahnya
belum-ada-rincian = Belum ada rincian.
belum-ditambahkan-periksa-isian-yang-ditandai = belum ditambahkan: periksa isian yang ditandai. Isian Anda tidak hilang.
kode-nomenklatur = Kode nomenklatur
diawali-kode-induknya = diawali kode induknya
perangkat-daerah-penanggung-jawab = Perangkat daerah penanggung jawab
uraian = Uraian
kosongkan-untuk-memakai-nama-nomenklatur = (kosongkan untuk memakai nama nomenklatur)
ini = ini
beserta-rinciannya = beserta rinciannya
item-ini-sudah-diubah-orang-lain = Item ini sudah diubah orang lain
tersimpan-sekarang = Tersimpan sekarang
isian-anda = Isian Anda
induk = Induk
strategi-dan-arah-kebijakan = (strategi dan arah kebijakan)
lokasi-pilih-satu-atau-lebih = Lokasi (pilih satu atau lebih)
bulan-awal = Bulan awal
bulan-akhir = Bulan akhir
mendukung-program-kabupaten-kota = Mendukung program kabupaten/kota
tidak-terkait = — tidak terkait —
simpan-perubahan = Simpan perubahan

## plans/list.html
dokumen-rencana-yang-dipublikasikan = Dokumen rencana yang dipublikasikan
dokumen-rencana-yang-dipublikasikan-di-aplikasi = : dokumen rencana yang dipublikasikan, di aplikasi pembaca feed.
buat-dokumen-rencana = Buat dokumen rencana
cari-judul-wilayah-atau-pemilik = Cari judul, wilayah atau pemilik
dokumen-2 = dokumen
data-terbuka-csv = Data terbuka (.csv)
belum-ada-dokumen-rencana = Belum ada dokumen rencana
di-wilayah-ini = di wilayah ini
mulailah-dengan-rpjpd-lalu-rpjmd-yang = Mulailah dengan RPJPD, lalu RPJMD yang mengacu padanya.
tidak-ada-dokumen-yang-cocok-dengan = Tidak ada dokumen yang cocok dengan saringan ini.
item-2 = item

## plans/new.html
dokumen-rencana-baru = Dokumen rencana baru
jenis-dokumen = Jenis dokumen
judul = Judul
tahun-awal = Tahun awal
tahun-akhir-dokumen-tahunan-kosongkan = Tahun akhir (dokumen tahunan: kosongkan)
rpjmd-dan-renstra-lima-tahun-rencana = RPJMD dan Renstra: lima tahun rencana (RPD transisi: tiga atau empat). Periode yang ditulis dengan tahun dasarnya, mis. 2025–2030, diterima: tahun pertama menjadi tahun dasar, tahun rencana 2026–2030.
pemilik-renstra-renja-perangkat-daerah-rpjmdes = Pemilik (Renstra/Renja: perangkat daerah; RPJMDes/RKPDes: desa)
pemerintah-daerah = — pemerintah daerah —
dokumen-induk-rpjmd-rpjpd-rkpd-rpjmd = Dokumen induk (RPJMD → RPJPD, RKPD → RPJMD, Renja → Renstra, …)
tanpa-induk-rpjpd = — tanpa induk (RPJPD) —
rkpd-salin-program-dari-rpjmd-induk = RKPD: salin program dari RPJMD induk beserta indikator, target dan pagu tahun ini
mengacu-rkpd-untuk-renja-dan-rkpdes = Mengacu RKPD (untuk Renja dan RKPDes)
acuan-dokumen-provinsi-rpjpd-rpjmd-rkpd = Acuan dokumen provinsi (RPJPD, RPJMD, RKPD)
buat-dokumen = Buat dokumen

## plans/print.html
rancangan = (rancangan)
kembali-ke-halaman-rencana = ‹ Kembali ke halaman rencana
untuk-mencetak-atau-menyimpan-sebagai-pdf-3 = Untuk mencetak atau menyimpan sebagai PDF, gunakan menu cetak peramban (Ctrl+P). Tabel lampiran tercetak mendatar.
unduh-tabel-xlsx = Unduh tabel (.xlsx)
rancangan-2 = RANCANGAN
periode = Periode
tahap = Tahap
sejak = sejak
dicetak = Dicetak
dari-selaras = dari Selaras
daftar-isi = Daftar isi
lampiran = Lampiran:
rancangan-3 = · RANCANGAN
belum-ada-isian-pada-tabel-ini = Belum ada isian pada tabel ini.

## plans/remove.html
hapus-3 = › Hapus
yang-ikut-terhapus = Yang ikut terhapus:
belum-dapat-dihapus = Belum dapat dihapus
karena = , karena:
versi-yang-sudah-dibekukan-pada-setiap = Versi yang sudah dibekukan pada setiap pergantian tahap tetap menyimpan isinya.

## plans/section_form.html
bab = Bab ·
bab-2 = › Bab
ubah-bab = Ubah bab
bab-baru = Bab baru
bab-ini-sudah-diubah-orang-lain = Bab ini sudah diubah orang lain
versi-yang-tersimpan-sekarang = Versi yang tersimpan sekarang:
tersimpan = Tersimpan:
isian-anda-2 = Isian Anda:
isian-anda-tetap-di-formulir-gabungkan = Isian Anda tetap di formulir. Gabungkan bila perlu, lalu simpan lagi.
judul-bab = Judul bab
isi-markdown = Isi (Markdown)
hapus-bab-ini = Hapus bab ini

## plans/show.html
hanya-dapat-dibaca = · hanya dapat dibaca
pemilik = Pemilik
dokumen-induk = Dokumen induk
mengacu-rkpd = Mengacu RKPD
acuan-provinsi = Acuan provinsi
dokumen-3 = Dokumen:
cetak-seluruh-dokumen = Cetak seluruh dokumen
tabel-lampiran-permendagri-86-2017-xlsx = Tabel lampiran Permendagri 86/2017 (.xlsx)
sipd = · SIPD:
baris-sub-kegiatan-xlsx = baris sub kegiatan (.xlsx)
csv = .csv
target-dan-pagu-xlsx = Target dan pagu (.xlsx)
isi-dari-lembar-kerja-xlsx = Isi dari lembar kerja (.xlsx)
hapus-rencana-ini = Hapus rencana ini
ubah-acuan-provinsi = Ubah acuan provinsi
tetapkan-acuan-provinsi = Tetapkan acuan provinsi
provinsi-yang-diacu-dipakai-cek-keselarasan = provinsi yang diacu (dipakai Cek Keselarasan K11)
tidak-ada = — tidak ada —
simpan-acuan = Simpan acuan
konsultasi-publik-2 = Konsultasi publik.
beri-masukan = Beri masukan
ada-perubahan = Ada perubahan
sejak-anda-terakhir-menandai-rencana-ini = sejak Anda terakhir menandai rencana ini dibaca (
lihat-perubahan = Lihat perubahan
tidak-ada-perubahan-sejak-anda-terakhir = Tidak ada perubahan sejak Anda terakhir menandai rencana ini dibaca (
tandai-rencana-ini-sebagai-sudah-dibaca = Tandai rencana ini sebagai sudah dibaca; kunjungan berikutnya akan menunjukkan apa saja yang berubah.
daftar-perubahan-terhadap-rkpd-awal = Daftar perubahan terhadap RKPD awal
pohon-kinerja-dan-pagu = Pohon kinerja dan pagu
tambah-bab = Tambah bab
isi-markdown-tebal-miring-daftar-dengan = Isi (Markdown: **tebal**, _miring_, daftar dengan tanda -)
simpan-bab = Simpan bab
usulan-desa-yang-diakomodir-kabupaten-kota = Usulan desa yang diakomodir kabupaten/kota
tampilan = Tampilan:
pohon = Pohon
tabel = Tabel
peta-pagu-per-wilayah = Peta pagu per wilayah
peta-rkpd-kabupaten-kota = Peta RKPD kabupaten/kota
ubah-target-dan-pagu-banyak-baris = (ubah target dan pagu banyak baris sekaligus)
belum-ada-item-dalam-pohon-kinerja = Belum ada item dalam pohon kinerja rencana ini.
pilih-rincian-untuk-membuka-atau-menutup = Pilih “rincian” untuk membuka atau menutup cabang. Pagu:
belum-ditambahkan-periksa-isian-yang-ditandai-2 = Belum ditambahkan: periksa isian yang ditandai. Isian Anda tidak hilang.

## plans/stage_panel.html
rencana-ini-telah-ditetapkan-hanya-dapat = Rencana ini telah ditetapkan: hanya dapat dibaca, dan terbuka untuk publik.
lanjutkan-ke-tahap = Lanjutkan ke tahap
catatan-dicatat-bersama-perpindahan-tahap = Catatan (dicatat bersama perpindahan tahap)
catatan-penetapan-mis-nomor-perda-perkada = Catatan penetapan (mis. nomor Perda/Perkada)
setujui-dan-tetapkan = Setujui dan tetapkan
kembalikan-ke-tahap = Kembalikan ke tahap
alasan-pengembalian = Alasan pengembalian
jadwal = Jadwal
s-d = s.d.
atur-jadwal-tahap = Atur jadwal tahap
dibuka = Dibuka
ditutup-hari-terakhir = Ditutup (hari terakhir)
simpan-jadwal = Simpan jadwal
riwayat-tahapan = Riwayat tahapan
versi-dan-perbandingan = Versi dan perbandingan
belum-selaras-4 = Belum selaras

## plans/structure_import.html
isi-dari-lembar-kerja = Isi dari lembar kerja ·
isi-dari-lembar-kerja-2 = › Isi dari lembar kerja
isi-rencana-dari-lembar-kerja = Isi rencana dari lembar kerja
rencana-ini-sudah-berisi = Rencana ini sudah berisi
item-lembar-kerja-hanya-dapat-dimasukkan = item. Lembar kerja hanya dapat dimasukkan ke rencana yang masih kosong; untuk mengubah target dan pagu gunakan
lembar-struktur = Lembar "Struktur"
satu-baris-per-item-dengan-kolom = Satu baris per item dengan kolom
no-item-induknya = (No item induknya),
tingkat = Tingkat
dari-tingkat-teratas-ke-bawah = : dari tingkat teratas ke bawah),
wajib-untuk-program-kegiatan-dan-sub = (wajib untuk program, kegiatan dan sub kegiatan),
perangkat-daerah-lokasi-kode-wilayah-sumber = , perangkat daerah, lokasi (kode wilayah), sumber dana, prioritas dan pagu per tahun; di bawahnya satu baris per indikator (Tingkat "Indikator") dengan satuan, polaritas, kondisi awal dan akhir serta target per tahun.
contoh-isian-lembar-kerja-tabel-lampiran = Contoh isian: lembar kerja tabel lampiran rencana mana pun di Selaras (tautan "Tabel lampiran … (.xlsx)" di halaman rencana) memuat lembar Struktur; lembar kerja rencana lain sejenis dapat langsung diunggah di sini.
dimasukkan = Dimasukkan
item-3 = item.
buka-rencana = Buka rencana
yang-akan-dibuat = Yang akan dibuat
tidak-ada-item-yang-terbaca-tanpa = Tidak ada item yang terbaca tanpa kesalahan.
indikator-3 = indikator
daftar-item = Daftar item (
baris-yang-salah-2 = Baris yang salah (
perbaiki-baris-berikut-lalu-unggah-lagi = Perbaiki baris berikut lalu unggah lagi. Selama masih ada baris yang salah, tidak ada yang dibuat.
semua-item-indikator-target-dan-pagu = Semua item, indikator, target dan pagu di atas dibuat sekaligus dan tercatat di log audit.
masukkan = Masukkan
item-ke-rencana = item ke rencana

## plans/table.html
tabel-2 = Tabel ·
tabel-3 = › Tabel
baris-2 = baris
tersaring = (tersaring;
target-3 = . Target
pagu-2 = ; pagu
ubah-angka-di-kolom-yang-berbingkai = Ubah angka di kolom yang berbingkai lalu simpan sekali untuk semuanya; baris lain tidak dapat Anda ubah.
tidak-ada-item = Tidak ada item
yang-cocok-dengan-saringan-ini = yang cocok dengan saringan ini
dalam-rencana-ini = dalam rencana ini
dengan-papan-ketik-panah-atas-bawah = Dengan papan ketik: panah atas/bawah atau Enter pindah ke sel di bawah atau di atasnya pada kolom yang sama; tombol Simpan menyimpan semuanya.
pagu-rp = Pagu (Rp)
baris-berikut-diubah-orang-lain-sejak = Baris berikut diubah orang lain sejak halaman ini dibuka; nilai terbarunya ditampilkan. Isian Anda tadi:
simpan-semua-perubahan = Simpan semua perubahan

## plans/tree.html
rincian = rincian

## plans/versions.html
versi-2 = Versi ·
versi-3 = › Versi
setiap-perpindahan-tahap-membekukan-salinan-utuh = Setiap perpindahan tahap membekukan salinan utuh rencana (bab, pohon kinerja, indikator, target dan pagu). Salinan tidak dapat diubah.
belum-ada-versi-salinan-pertama-dibuat = Belum ada versi: salinan pertama dibuat saat rencana berpindah tahap.
bandingkan = Bandingkan
hari-ini = Hari ini
ke-2 = Ke
daftar-versi = Daftar versi
bandingkan-dengan-hari-ini = bandingkan dengan hari ini

## proposals/calendar.html
jadwal-musrenbang-rkpd = Jadwal Musrenbang RKPD
jadwal-musrenbang = › Jadwal Musrenbang
di-luar-jadwalnya-setiap-tingkat-tidak = Di luar jadwalnya, setiap tingkat tidak dapat mengirim atau meneruskan usulan. Tingkat tanpa jadwal selalu terbuka. Pengingat dikirim tiga hari sebelum jadwal ditutup.
tahun-rkpd = Tahun RKPD
jadwal-disimpan = Jadwal disimpan.
pilih-wilayah-buka-halaman-ini-dari = Pilih wilayah: buka halaman ini dari daftar usulan sebuah kabupaten/kota.
periksa-kembali-tanggal-yang-ditandai-isian = Periksa kembali tanggal yang ditandai. Isian Anda tidak hilang.
jadwal-per-tingkat-kosongkan-kedua-tanggal = Jadwal per tingkat (kosongkan kedua tanggal: tanpa jadwal)
ditutup = Ditutup
dibuka-2 = dibuka
ditutup-2 = ditutup
jadwal-per-tingkat = Jadwal per tingkat
tanpa-jadwal-terbuka = tanpa jadwal (terbuka)

## proposals/comment_remove.html
hapus-komentar-2 = › Hapus komentar
di-tempatnya-akan-tertulis-komentar-dihapus-2 = Di tempatnya akan tertulis “Komentar dihapus”
beserta-alasannya = beserta alasannya
tindakan-ini-tercatat-dan-tidak-dapat = . Tindakan ini tercatat dan tidak dapat dibatalkan.
alasan-dibaca-semua-orang = Alasan (dibaca semua orang)
mis-memuat-data-pribadi-warga = mis. memuat data pribadi warga

## proposals/file_remove.html
hapus-lampiran = Hapus lampiran
hapus-lampiran-2 = › Hapus lampiran
hapus-lampiran-ini = Hapus lampiran ini?
berkasnya-dihapus-dari-halaman-usulan-dan = Berkasnya dihapus dari halaman usulan dan dari server; penghapusan tercatat dan tidak dapat dibatalkan.

## proposals/list.html
keputusan-atas-usulan-di-aplikasi-pembaca = : keputusan atas usulan, di aplikasi pembaca feed.
setiap-usulan-musrenbang-aspirasi-pokir-dprd = Setiap usulan Musrenbang, aspirasi, pokir DPRD dan usulan perangkat daerah dapat diikuti dengan nomornya sampai ke sub kegiatan dan pagu yang menampungnya, atau alasan penolakannya.
ajukan-usulan = Ajukan usulan
usulan-yang-menunggu-saya = Usulan yang menunggu saya
semua-usulan = Semua usulan
bidang-urusan = Bidang urusan
belum-ada-yang-disimpan = Belum ada yang disimpan.
hanya-usulan-di-desa-kelurahan = Hanya usulan di desa/kelurahan
dari-peta = (dari peta).
kembali-ke-peta = Kembali ke peta
jadwal-musrenbang-2 = Jadwal Musrenbang
musyawarah-dan-berita-acara = Musyawarah dan berita acara
lihat-di-peta = Lihat di peta
jumlah-usulan-per-desa-kelurahan-dengan = jumlah usulan per desa/kelurahan, dengan saringan di atas
unduh-rekapitulasi-xlsx = Unduh rekapitulasi (.xlsx)
per-kecamatan-per-perangkat-daerah-dan = per kecamatan, per perangkat daerah dan per bidang, dengan saringan di atas
satu-usulan-per-baris = satu usulan per baris
tidak-ada-usulan-yang-menunggu-anda = Tidak ada usulan yang menunggu Anda.
belum-ada-usulan-yang-cocok = Belum ada usulan yang cocok.
nomor = Nomor
peringkat = Peringkat
kemungkinan-duplikat = kemungkinan duplikat
kec = Kec.
halaman-daftar-usulan = Halaman daftar usulan

## proposals/merge.html
gabungkan-ke = Gabungkan ke
gabungkan = › Gabungkan
gabungkan-usulan-ke = Gabungkan usulan ke
yakin-menggabungkan = Yakin menggabungkan?
usulan-berikut-selesai-dengan-status-digabung = Usulan berikut selesai dengan status “digabung ke
pengusul-dan-pengikutnya-diberi-tahu-dan = ”; pengusul dan pengikutnya diberi tahu, dan halaman publik setiap usulan menautkan keduanya. Penggabungan tidak dapat dibatalkan.
diputuskan-dalam = Diputuskan dalam
ya-gabungkan-ke = Ya, gabungkan ke
pilih-ulang = Pilih ulang
pilih-usulan-yang-sama-atau-tumpang = Pilih usulan yang sama atau tumpang tindih dengan usulan ini (sekecamatan dan setahun). Yang dipilih akan digabung ke
usulan-ini-tetap-berjalan = ; usulan ini tetap berjalan.
tidak-ada-usulan-lain-yang-dapat = Tidak ada usulan lain yang dapat digabungkan ke usulan ini.
usulan-yang-digabungkan = Usulan yang digabungkan
jenis-dan-lokasi-sama = jenis dan lokasi sama
diputuskan-dalam-musyawarah-boleh-kosong = Diputuskan dalam musyawarah (boleh kosong)
tidak-dalam-musyawarah = — tidak dalam musyawarah —
lanjut = Lanjut

## proposals/new.html
koreksi = Koreksi
koreksi-2 = › Koreksi
koreksi-usulan = Koreksi usulan
perbaiki-isian-yang-keliru-koreksi-tercatat = Perbaiki isian yang keliru; koreksi tercatat di perjalanan usulan dan dapat dibaca semua orang.
lokasi-dan-jenis-usulan-tidak-dapat = Lokasi dan jenis usulan tidak dapat diubah lagi karena usulan sudah diteruskan dari desa/kelurahan.
usulan-ini-baru-saja-diverifikasi-atau = Usulan ini baru saja diverifikasi atau diubah, sehingga koreksi Anda belum disimpan. Isian Anda tetap di bawah; buka kembali usulannya untuk melihat keadaannya sekarang.
ajukan = › Ajukan
simpan-koreksi = Simpan koreksi
kirim-usulan = Kirim usulan
judul-usulan = Judul usulan
masalah-yang-dihadapi = Masalah yang dihadapi
usulan-penyelesaian = Usulan penyelesaian
lokasi-dan-jenis-kegiatan = Lokasi dan jenis kegiatan:
lokasi-desa-kelurahan = Lokasi (desa/kelurahan)
jenis-kegiatan-kamus-usulan = Jenis kegiatan (kamus usulan)
volume = Volume
satuan-kosongkan-dari-kamus = Satuan (kosongkan: dari kamus)
perkiraan-biaya-rp = Perkiraan biaya (Rp)
tahun-rencana = Tahun rencana:
tahun-rencana-2 = Tahun rencana
rujukan-reses-khusus-pokir-dprd = Rujukan reses (khusus pokir DPRD)
titik-lokasi-di-peta-boleh-kosong = Titik lokasi di peta (boleh kosong)
klik-peta = Klik peta
di-titik-lokasi-usulan-halaman-ini = di titik lokasi usulan; halaman ini kembali dengan titiknya untuk diperiksa. Koordinat juga dapat diketik di bawah.
peta-2 = Peta
klik-untuk-menandai-titik-lokasi = : klik untuk menandai titik lokasi
pilih-desa-kelurahan-di-atas-lalu = Pilih desa/kelurahan di atas, lalu
tampilkan-petanya = tampilkan petanya
untuk-menandai-titik-dengan-klik-koordinat = untuk menandai titik dengan klik. Koordinat juga dapat diketik di bawah.
lintang = Lintang
bujur = Bujur

## proposals/show.html
usulan-terkirim-dengan-nomor = Usulan terkirim dengan nomor
simpan-nomor-ini-untuk-mengikuti-perjalanannya = . Simpan nomor ini untuk mengikuti perjalanannya; siapa pun dapat membukanya di halaman ini.
kemungkinan-duplikat-2 = Kemungkinan duplikat:
sudah-ada-usulan-sejenis-di-lokasi = sudah ada usulan sejenis di lokasi dan tahun yang sama. Bappeda akan memeriksanya.
digabung-ke = Digabung ke
menggabungkan = Menggabungkan:
dipecah-dari = Dipecah dari
dipecah-menjadi = Dipecah menjadi:
diusulkan-oleh = Diusulkan oleh
kec-2 = , Kec.
jenis-kegiatan = Jenis kegiatan
perkiraan-biaya = Perkiraan biaya
reses = Reses
titik-lokasi = Titik lokasi:
peta-semua-usulan = Peta semua usulan
foto-dan-dokumen = Foto dan dokumen
belum-ada-foto-atau-dokumen = Belum ada foto atau dokumen.
foto = Foto
pdf = PDF,
lampirkan-foto-atau-dokumen = Lampirkan foto atau dokumen
jpeg-png-webp-atau-pdf-paling = JPEG, PNG, WebP atau PDF, paling besar 10 MB. Foto diperkecil dan data kamera, waktu serta lokasi GPS di dalamnya dihapus.
keterangan-boleh-kosong = Keterangan (boleh kosong)
unggah = Unggah
diakomodir = Diakomodir
ditampung-dalam = Ditampung dalam
sub-kegiatan-4 = , sub kegiatan
ditampung-dalam-rancangan-rkpd-yang-belum = Ditampung dalam rancangan RKPD yang belum dipublikasikan; sub kegiatannya dapat dilihat setelah RKPD dibuka untuk konsultasi publik atau ditetapkan.
volume-2 = Volume:
pagu-3 = · Pagu:
ditolak-2 = Ditolak
ditunda = Ditunda
dipertimbangkan-kembali-untuk-tahun = Dipertimbangkan kembali untuk tahun
anda-menerima-pemberitahuan-setiap-langkah-dan = Anda menerima pemberitahuan setiap langkah dan koreksi usulan ini.
ikuti-usulan-ini = Ikuti usulan ini
terima-pemberitahuan-setiap-langkah-dan-koreksinya = Terima pemberitahuan setiap langkah dan koreksinya.
untuk-mengikuti-usulan-ini = untuk mengikuti usulan ini.
gabungkan-usulan-lain-ke-sini = Gabungkan usulan lain ke sini
pecah-usulan-ini = Pecah usulan ini
koreksi-usulan-ini = Koreksi usulan ini
dapat-dilakukan-sampai-usulan-diverifikasi-setiap = Dapat dilakukan sampai usulan diverifikasi; setiap koreksi tercatat di perjalanan usulan.
perjalanan-usulan = Perjalanan usulan
diskusi = Diskusi (
belum-ada-komentar-tanggapan-dukungan-atau = Belum ada komentar. Tanggapan, dukungan atau keberatan atas usulan ini dapat ditulis di sini dan dibaca semua orang.
tulis-komentar = Tulis komentar
kirim-komentar = Kirim komentar
pengusul-dan-pengikut-usulan-ini-diberi = Pengusul dan pengikut usulan ini diberi tahu.
untuk-menulis-komentar = untuk menulis komentar.
peringkat-di-tingkat = Peringkat di tingkat
peringkat-1-paling-penting = Peringkat (1 = paling penting)
simpan-peringkat = Simpan peringkat
proses-usulan = Proses usulan
langkah-ini-belum-disimpan-periksa-isian = Langkah ini belum disimpan; periksa isian yang ditandai di bawah.
langkah = Langkah
rekomendasi-catatan-tingkat-ini = Rekomendasi / catatan tingkat ini
alasan-penolakan-wajib-bila-menolak = Alasan penolakan (wajib bila menolak)
ditunda-ke-tahun = Ditunda ke tahun
sub-kegiatan-rkpd = Sub kegiatan RKPD
yang-menampung = yang menampung
sesuai-kamus = (sesuai kamus)
volume-yang-diambil = Volume yang diambil (
simpan-langkah = Simpan langkah

## proposals/split.html
pecah = Pecah
pecah-2 = › Pecah
pecah-usulan = Pecah usulan
volume-3 = · volume
perkiraan-biaya-2 = · perkiraan biaya
setiap-bagian-menjadi-usulan-baru-dengan = Setiap bagian menjadi usulan baru dengan nomornya sendiri, lokasi, jenis kegiatan dan pengusul yang sama, dan melanjutkan dari tahap usulan ini (
selesai-dengan-status-dipecah-dan-menautkan = selesai dengan status “dipecah” dan menautkan bagian-bagiannya. Pemecahan tidak dapat dibatalkan.
yakin-memecah = Yakin memecah
biaya = · biaya
ya-pecah-menjadi = Ya, pecah menjadi
usulan-3 = usulan
ubah-bagian = Ubah bagian
volume-4 = Volume (

## search.html
cari-3 = Cari:
kata-kode-mis-1-02-02 = Kata, kode (mis. 1.02.02) atau nomor usulan
pencarian-dibatasi-pada = Pencarian dibatasi pada
kata-dan-200-karakter-pertama = kata dan 200 karakter pertama.
yang-dapat-anda-baca-coba-kata = ” yang dapat Anda baca. Coba kata yang lebih pendek (awal kata pun cukup), atau kode yang lebih umum (mis. 1.02).
hasil-untuk = hasil untuk “
per-jenis = ”, per jenis.

## src/auth/policy/admin.rs
mengelola-kamus-usulan = Mengelola kamus usulan
permintaan-bergabung-diputuskan-oleh-perencana-bappeda = Permintaan bergabung diputuskan oleh perencana Bappeda wilayah ini atau pengurus lembaga itu sendiri.
mengelola-nomenklatur = Mengelola nomenklatur
anda-hanya-dapat-bergabung-dengan-lembaga = Anda hanya dapat bergabung dengan lembaga di wilayah akun Anda.
membuka-halaman-admin = Membuka halaman admin
mengelola-pengguna = Mengelola pengguna
mengelola-organisasi = Mengelola organisasi
mengelola-keanggotaan = Mengelola keanggotaan
anda-tidak-dapat-mengubah-peran-atau = Anda tidak dapat mengubah peran atau keanggotaan akun Anda sendiri. Minta administrator lain melakukannya.
mengatur-ulang-verifikasi-dua-langkah = Mengatur ulang verifikasi dua langkah
anda-tidak-dapat-mengatur-ulang-verifikasi = Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri. Minta administrator lain melakukannya.
anda-baru-saja-menetapkan-kata-sandi = Anda baru saja menetapkan kata sandi akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, verifikasi dua langkahnya diatur ulang oleh administrator lain.
menetapkan-kata-sandi-pengguna = Menetapkan kata sandi pengguna
anda-baru-saja-mengatur-ulang-verifikasi = Anda baru saja mengatur ulang verifikasi dua langkah akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, kata sandinya ditetapkan oleh administrator lain.
menonaktifkan-pengguna = Menonaktifkan pengguna
anda-tidak-dapat-menonaktifkan-akun-anda = Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain bila akun ini memang harus dinonaktifkan.
tindakan-ini-tidak-dikenal = Tindakan ini tidak dikenal.

## src/auth/policy/comment.rs
rencana-ini-sudah-ditetapkan-masukan-tidak = Rencana ini sudah ditetapkan; masukan tidak lagi diterima.
catatan-internal-hanya-untuk-staf-pemerintah = Catatan internal hanya untuk staf pemerintah daerah dan DPRD. Masyarakat memberi masukan saat konsultasi publik.
masukan-publik-hanya-diterima-selama-tahap = Masukan publik hanya diterima selama tahap konsultasi publik.
masa-konsultasi-publik-rencana-ini-sudah = Masa konsultasi publik rencana ini sudah berakhir atau belum dimulai.
masukan-publik-diberikan-oleh-akun-masyarakat = Masukan publik diberikan oleh akun masyarakat atau lembaga.
moderasi-dan-tindak-lanjut-komentar-dilakukan = Moderasi dan tindak lanjut komentar dilakukan oleh perencana Bappeda wilayah ini.
hanya-penulis-yang-dapat-mengubah-komentarnya = Hanya penulis yang dapat mengubah komentarnya.
komentar-hanya-dapat-diubah-dalam-15 = Komentar hanya dapat diubah dalam 15 menit setelah dikirim. Tulis balasan bila ada yang perlu diluruskan.

## src/auth/policy/kerja_sama.rs
data-kerja-sama-diubah-oleh-perencana = Data kerja sama diubah oleh perencana daerah yang mencatatnya; daerah mitra dapat memindahkan status, menambah tahapan dan mengaitkan itemnya sendiri.
item-ini-milik-rencana-wilayah-lain = Item ini milik rencana wilayah lain; hanya wilayah itu yang dapat mengaitkan atau melepasnya.
kerja-sama-ini-bukan-milik-wilayah = Kerja sama ini bukan milik wilayah Anda dan wilayah Anda bukan mitranya.

## src/auth/policy/mod.rs
rencana-ini-milik-wilayah-lain = Rencana ini milik wilayah lain.
rencana-ini-sudah-ditetapkan-sehingga-hanya = Rencana ini sudah ditetapkan, sehingga hanya dapat dibaca. Perubahan dilakukan melalui dokumen perubahan.
rencana-ini-sedang-menunggu-penetapan-sehingga = Rencana ini sedang menunggu penetapan, sehingga isinya dibekukan agar yang disetujui sama dengan yang dibaca pemberi persetujuan. Untuk mengubahnya, kembalikan dulu ke tahap sebelumnya.
rancangan-ini-milik-wilayah-lain-dan = Rancangan ini milik wilayah lain dan belum dipublikasikan.
rancangan-ini-masih-dibahas-di-internal = Rancangan ini masih dibahas di internal pemerintah daerah dan DPRD. Masyarakat dapat membacanya saat konsultasi publik dibuka atau setelah ditetapkan.
rancangan-ini-belum-dipublikasikan-silakan-masuk = Rancangan ini belum dipublikasikan. Silakan masuk bila Anda staf pemerintah daerah atau anggota DPRD.

## src/auth/policy/plan.rs
jadwal-tahapan-diatur-oleh-perencana-bappeda = Jadwal tahapan diatur oleh perencana Bappeda atau admin.
daftar-perubahan-sejak-terakhir-dibaca-disediakan = Daftar perubahan sejak terakhir dibaca disediakan untuk anggota DPRD wilayah ini.
anda-hanya-dapat-membuat-rencana-untuk = Anda hanya dapat membuat rencana untuk wilayah Anda sendiri.
realisasi-rencana-yang-sudah-ditetapkan-dicatat = Realisasi rencana yang sudah ditetapkan dicatat oleh perencana Bappeda atau perangkat daerah penanggung jawab itemnya.
item-ini-bukan-tanggung-jawab-perangkat = Item ini bukan tanggung jawab perangkat daerah Anda. Anda hanya dapat mengubah program, kegiatan dan sub kegiatan (beserta indikator, target dan pagunya) yang menjadi tanggung jawab organisasi Anda.
rencana-ini-tidak-menunggu-penetapan-anda = Rencana ini tidak menunggu penetapan Anda.

## src/auth/policy/proposal.rs
usulan-digabung-atau-dipecah-oleh-kecamatan = Usulan digabung atau dipecah oleh kecamatan selama dibahas di tingkat kecamatan, atau oleh perencana Bappeda di tingkat kabupaten/kota; tidak setelah diputuskan.
musyawarah-dicatat-oleh-penyelenggaranya-atau-perencana = Musyawarah dicatat oleh penyelenggaranya atau perencana Bappeda wilayah ini.
nama-peserta-dapat-dibaca-oleh-perangkat = Nama peserta dapat dibaca oleh perangkat wilayah ini.
jadwal-musrenbang-ditetapkan-oleh-perencana-bappeda = Jadwal Musrenbang ditetapkan oleh perencana Bappeda wilayah ini.
foto-dan-dokumen-dilampirkan-oleh-pengusul = Foto dan dokumen dilampirkan oleh pengusul (sampai usulan diputuskan) atau oleh tingkat yang sedang menanganinya.
lampiran-hanya-dapat-dihapus-oleh-yang = Lampiran hanya dapat dihapus oleh yang melampirkannya atau perencana Bappeda wilayah usulan.
komentar-hanya-dapat-dihapus-oleh-penulisnya = Komentar hanya dapat dihapus oleh penulisnya atau perencana Bappeda wilayah usulan.
usulan-hanya-dapat-dikoreksi-oleh-pengusulnya = Usulan hanya dapat dikoreksi oleh pengusulnya sendiri.
nama-petugas-yang-memproses-usulan-hanya = Nama petugas yang memproses usulan hanya terlihat oleh staf wilayah ini dan pengusulnya.
kemungkinan-usulan-ganda-diperiksa-oleh-perencana = Kemungkinan usulan ganda diperiksa oleh perencana Bappeda.

## src/auth/policy/tests.rs
bapperida = Bapperida

## src/domain/annex.rs
perangkat-daerah-belum-ditentukan = (perangkat daerah belum ditentukan)

## src/domain/attachment.rs
pilih-berkas-foto-jpeg-png-webp = Pilih berkas foto (JPEG, PNG, WebP) atau dokumen PDF.
berkas-terlalu-besar-paling-besar-10 = Berkas terlalu besar: paling besar 10 MB.
berkas-ini-bukan-foto-jpeg-png = Berkas ini bukan foto JPEG, PNG atau WebP, dan bukan PDF (dilihat dari isinya, bukan namanya).
foto-ini-rusak-atau-tidak-dapat = Foto ini rusak atau tidak dapat dibaca.

## src/domain/checks/mod.rs
galat = Galat
peringatan-2 = Peringatan

## src/domain/checks/rules.rs
setiap-item-di-bawah-puncak-memiliki = Setiap item di bawah puncak memiliki induk dengan tingkat yang sah
kode-program-kegiatan-dan-sub-kegiatan-2 = Kode program, kegiatan dan sub kegiatan sah, sesuai induk, ada dalam nomenklatur dan unik
setiap-tujuan-sasaran-program-kegiatan-dan-2 = Setiap tujuan, sasaran, program, kegiatan dan sub kegiatan memiliki indikator
setiap-indikator-memiliki-target-tiap-tahun = Setiap indikator memiliki target tiap tahun periode dan kondisi awal
target-bergerak-sesuai-polaritas = Target bergerak sesuai polaritas
target-indikator-rkpd-sama-dengan-target = Target indikator RKPD sama dengan target RPJMD yang diacu pada tahun yang sama
setiap-program-rkpd-selaras-dengan-sasaran = Setiap program RKPD selaras dengan sasaran/program RPJMD periode berjalan
jumlah-pagu-rincian-tidak-melebihi-pagu = Jumlah pagu rincian tidak melebihi pagu induk; total perangkat daerah tidak melebihi pagunya
setiap-program-kegiatan-dan-sub-kegiatan = Setiap program, kegiatan dan sub kegiatan memiliki perangkat daerah penanggung jawab
usulan-diakomodir-terkait-sub-kegiatan-rkpd = Usulan diakomodir terkait sub kegiatan RKPD tahunnya; usulan ditolak beralasan
prioritas-rkpd-kabupaten-kota-mengacu-prioritas = Prioritas RKPD kabupaten/kota mengacu prioritas provinsi
kegiatan-rkpdes-yang-mendukung-program-daerah = Kegiatan RKPDes yang mendukung program daerah menunjuk program yang ada
kerja-sama-berstatus-direncanakan-memiliki-item = Kerja sama berstatus direncanakan memiliki item berpagu pada tahunnya
jumlah-rincian = Jumlah rincian
selisih = Selisih
jumlah-sub-kegiatan = Jumlah sub kegiatan
prioritas-ini-belum-mengacu-prioritas-rkpd = Prioritas ini belum mengacu prioritas RKPD provinsi.
kegiatan-desa-ini-menunjuk-program-yang = Kegiatan desa ini menunjuk program yang tidak ada dalam RKPD kabupaten/kota acuannya.

## src/domain/checks/tests.rs

## src/domain/comment.rs
tulis-komentar-anda-terlebih-dahulu = Tulis komentar Anda terlebih dahulu.
dijawab = Dijawab
diterima-diakomodasi = Diterima (diakomodasi)
tidak-diterima = Tidak diterima

## src/domain/indicator.rs
naik-makin-tinggi-makin-baik = Naik (makin tinggi makin baik)
turun-makin-rendah-makin-baik = Turun (makin rendah makin baik)
rentang-target-berupa-kisaran-minmaks = Rentang (target berupa kisaran min–maks)
nama-indikator-1500-karakter = Nama indikator 1–500 karakter.
isi-satuan-mis-orang-km-per = Isi satuan (mis. %, orang, km, per 100.000 kelahiran hidup).
definisi-maksimal-5-000-karakter = Definisi maksimal 5.000 karakter.
sumber-data-maksimal-500-karakter = Sumber data maksimal 500 karakter.
pilih-polaritas = Pilih polaritas.
tahun-kondisi-awal-tidak-valid = Tahun kondisi awal tidak valid.
batas-bawah-kondisi-akhir-lebih-besar = Batas bawah kondisi akhir lebih besar dari batas atasnya.
rkpd-perubahan-tuliskan-alasan-perubahan-ini = RKPD Perubahan: tuliskan alasan perubahan ini (minimal 5 karakter).

## src/domain/item.rs
pilih-perangkat-daerah-penanggung-jawab = Pilih perangkat daerah penanggung jawab.
isi-uraian-nama-item-maksimal-1 = Isi uraian/nama item (maksimal 1.000 karakter).
keterangan-terlalu-panjang-maksimal-20-000 = Keterangan terlalu panjang (maksimal 20.000 karakter).
pilih-program-kabupaten-kota-dari-rkpd = Pilih program kabupaten/kota dari RKPD yang diacu.
lokasi-harus-kecamatan-atau-desa-kelurahan = Lokasi harus kecamatan atau desa/kelurahan di wilayah ini.
sumber-dana-maksimal-100-karakter = Sumber dana maksimal 100 karakter.

## src/domain/kerja_sama.rs
kerja-sama-daerah-dengan-daerah-lain = Kerja sama daerah dengan daerah lain
kerja-sama-daerah-dengan-pihak-ketiga = Kerja sama daerah dengan pihak ketiga
kerja-sama-daerah-dengan-pemerintah-daerah = Kerja sama daerah dengan pemerintah daerah/lembaga di luar negeri
identifikasi = Identifikasi
pemetaan = Pemetaan
direncanakan = Direncanakan
disepakati = Disepakati
berjalan = Berjalan
selesai-2 = Selesai
pilih-jenis-kerja-sama = Pilih jenis kerja sama.
tuliskan-judul-kerja-sama-5300-karakter = Tuliskan judul kerja sama (5–300 karakter).
tuliskan-urusan-pemerintahan-yang-dikerjasamakan-maksimal = Tuliskan urusan pemerintahan yang dikerjasamakan (maksimal 200 karakter).
tuliskan-objek-kerja-sama-maksimal-2 = Tuliskan objek kerja sama (maksimal 2.000 karakter).
tahun-mulai-berupa-tahun-empat-angka = Tahun mulai berupa tahun empat angka, mis. 2026.
tahun-selesai-berupa-tahun-empat-angka = Tahun selesai berupa tahun empat angka, mis. 2027.
tahun-selesai-tidak-boleh-sebelum-tahun = Tahun selesai tidak boleh sebelum tahun mulai.
jangka-kerja-sama-paling-lama-30 = Jangka kerja sama paling lama 30 tahun.
daerah-mitra-tidak-boleh-daerah-sendiri = Daerah mitra tidak boleh daerah sendiri.
pilih-provinsi-atau-kabupaten-kota-mitra = Pilih provinsi atau kabupaten/kota mitra dari daftar.
paling-banyak-50-daerah-mitra = Paling banyak 50 daerah mitra.
nama-pihak-ketiga-maksimal-300-karakter = Nama pihak ketiga maksimal 300 karakter per baris.
sebutkan-sedikitnya-satu-mitra-daerah-lain = Sebutkan sedikitnya satu mitra: daerah lain atau pihak ketiga.
kerja-sama-dengan-daerah-lain-ksdd-2 = Kerja sama dengan daerah lain (KSDD) memerlukan daerah mitra.

## src/domain/meeting.rs
musrenbang-desa-kelurahan = Musrenbang desa/kelurahan
musrenbang-kecamatan = Musrenbang kecamatan
forum-perangkat-daerah = Forum perangkat daerah
musrenbang-kabupaten-kota = Musrenbang kabupaten/kota
forum-kemitraan = Forum Kemitraan
musyawarah-lain = Musyawarah lain
pilih-jenis-musyawarah = Pilih jenis musyawarah.
isi-tanggal-musyawarah = Isi tanggal musyawarah.
pilih-penyelenggara-dari-organisasi-anda = Pilih penyelenggara dari organisasi Anda.
agenda-paling-panjang-5-000-karakter = Agenda paling panjang 5.000 karakter.
isi-nama-peserta = Isi nama peserta.

## src/domain/money.rs
rp = Rp
jumlah-terlalu-besar = Jumlah terlalu besar.

## src/domain/musrenbang.rs
penyampaian-pokir-dprd = Penyampaian pokir DPRD
tanggal-tutup-tidak-boleh-sebelum-tanggal = Tanggal tutup tidak boleh sebelum tanggal buka.
isi-tanggal-buka-atau-kosongkan-keduanya = Isi tanggal buka (atau kosongkan keduanya: tanpa jadwal).
isi-tanggal-tutup-atau-kosongkan-keduanya = Isi tanggal tutup (atau kosongkan keduanya: tanpa jadwal).

## src/domain/nomenklatur_csv.rs
baris-judul-harus-kode-level-nama = Baris judul harus: kode,level,nama,indikator,satuan
level-harus-program-kegiatan-atau-sub = Level harus program, kegiatan atau sub_kegiatan.
nama-wajib-diisi-maksimal-500-karakter = Nama wajib diisi (maksimal 500 karakter).
berkas-tidak-berisi-baris-data = Berkas tidak berisi baris data.

## src/domain/org.rs
bappeda-2 = Bappeda
desa-2 = Desa
kelurahan-2 = Kelurahan
lembaga-kemasyarakatan = Lembaga kemasyarakatan
pilih-jenis-organisasi = Pilih jenis organisasi.
kode-singkat-163-karakter-huruf-kecil = Kode singkat 1–63 karakter: huruf kecil, angka dan tanda minus, diawali huruf atau angka (mis. dinkes).
nama-organisasi-2200-karakter = Nama organisasi 2–200 karakter.
desa-kelurahan-harus-memilih-wilayahnya = Desa/kelurahan harus memilih wilayahnya.

## src/domain/plan.rs
renstra = Renstra
rkpd-perubahan = RKPD Perubahan
renja = Renja
rpjmdes = RPJMDes
rkpdes = RKPDes
rencana-pembangunan-jangka-panjang-daerah = Rencana Pembangunan Jangka Panjang Daerah
rencana-pembangunan-jangka-menengah-daerah = Rencana Pembangunan Jangka Menengah Daerah
rencana-strategis-perangkat-daerah = Rencana Strategis Perangkat Daerah
rencana-kerja-pemerintah-daerah = Rencana Kerja Pemerintah Daerah
perubahan-rencana-kerja-pemerintah-daerah = Perubahan Rencana Kerja Pemerintah Daerah
rencana-kerja-perangkat-daerah = Rencana Kerja Perangkat Daerah
rencana-pembangunan-jangka-menengah-desa = Rencana Pembangunan Jangka Menengah Desa
rencana-kerja-pemerintah-desa = Rencana Kerja Pemerintah Desa
rancangan-teknokratik = Rancangan teknokratik
rancangan-awal = Rancangan awal
rancangan-4 = Rancangan
musrenbang = Musrenbang
rancangan-akhir = Rancangan akhir
menunggu-penetapan = Menunggu penetapan
ditetapkan = Ditetapkan
visi = Visi
misi = Misi
tujuan = Tujuan
sasaran = Sasaran
sasaran-pokok = Sasaran pokok
arah-kebijakan = Arah kebijakan
program-2 = Program
kegiatan-2 = Kegiatan
bidang = Bidang
kegiatan-desa = Kegiatan desa
bulan-awal-pelaksanaan-tidak-boleh-setelah = Bulan awal pelaksanaan tidak boleh setelah bulan akhirnya.
pilih-bulan-awal-dan-bulan-akhir = Pilih bulan awal dan bulan akhir pelaksanaan, atau kosongkan keduanya.
tahun-harus-di-antara-2000-dan = Tahun harus di antara 2000 dan 2100.
tahun-akhir-tidak-boleh-sebelum-tahun = Tahun akhir tidak boleh sebelum tahun awal.
judul-5300-karakter = Judul 5–300 karakter.
isi-tahun-awal-dan-akhir-periode = Isi tahun awal (dan akhir) periode, mis. 2025.
pilih-perangkat-daerah-pemilik-dokumen-ini = Pilih perangkat daerah pemilik dokumen ini.
pilih-desa-pemilik-dokumen-ini = Pilih desa pemilik dokumen ini.
pilih-rkpd-kabupaten-kota-dari-tahun = Pilih RKPD kabupaten/kota dari tahun yang sama.

## src/domain/plan_import.rs
lokasi-kode-wilayah = Lokasi (kode wilayah)
kondisi-akhir = Kondisi akhir
baris-indikator-sebelum-item-mana-pun = Baris indikator sebelum item mana pun.
nama-indikator-kosong-atau-lebih-dari = Nama indikator kosong atau lebih dari 500 karakter.
satuan-indikator-kosong-atau-lebih-dari = Satuan indikator kosong atau lebih dari 100 karakter.
kolom-no-harus-berisi-nomor-urut = Kolom No harus berisi nomor urut (1, 2, 3, …).
nama-kosong-atau-lebih-dari-2 = Nama kosong atau lebih dari 2.000 karakter.
kode-sub-kegiatan = Kode sub kegiatan
nama-sub-kegiatan = Nama sub kegiatan
lokasi-kab-kota-kecamatan-desa-kelurahan = Lokasi (kab/kota › kecamatan › desa/kelurahan)
tolok-ukur-indikator-keluaran = Tolok ukur (indikator keluaran)
prioritas-nasional = Prioritas nasional
prioritas-provinsi = Prioritas provinsi
prioritas-daerah = Prioritas daerah
nama-sub-kegiatan-kosong = Nama sub kegiatan kosong.
pagu-tidak-boleh-negatif = Pagu tidak boleh negatif.
berkas-ini-tidak-berisi-baris-sub = Berkas ini tidak berisi baris sub kegiatan.
tanpa-prioritas-daerah = Tanpa prioritas daerah

## src/domain/proposal.rs
aspirasi-masyarakat = Aspirasi masyarakat
pokok-pokok-pikiran-dprd = Pokok-pokok pikiran DPRD
usulan-perangkat-daerah-renja = Usulan perangkat daerah (Renja)
diajukan-di-desa-kelurahan = Diajukan di desa/kelurahan
diteruskan-ke-kecamatan = Diteruskan ke kecamatan
diteruskan-ke-kabupaten-kota = Diteruskan ke kabupaten/kota
diverifikasi-perangkat-daerah = Diverifikasi perangkat daerah
digabung-ke-usulan-lain = Digabung ke usulan lain
dipecah-menjadi-beberapa-usulan = Dipecah menjadi beberapa usulan
bappeda-kabupaten-kota = Bappeda kabupaten/kota
alasan-penolakan-wajib-diisi-minimal-5 = Alasan penolakan wajib diisi (minimal 5 karakter); pengusul dan publik akan membacanya.
isi-tahun-rencana-mis-2027 = Isi tahun rencana, mis. 2027.
lintang-tidak-valid-90-sampai-90 = Lintang tidak valid (−90 sampai 90), mis. -7,4797.
bujur-tidak-valid-180-sampai-180 = Bujur tidak valid (−180 sampai 180), mis. 110,2177.
tuliskan-nama-jenis-usulan-2300-karakter = Tuliskan nama jenis usulan (2–300 karakter), mis. Rehabilitasi jalan lingkungan.
pilih-kode-sub-kegiatan-enam-bagian = Pilih kode sub kegiatan (enam bagian), mis. 1.03.10.2.01.0034.
pilih-perangkat-daerah-yang-menanganinya = Pilih perangkat daerah yang menanganinya.
isi-satuan-volume-mis-meter-atau = Isi satuan volume, mis. meter atau unit.
pilih-jenis-usulan = Pilih jenis usulan.
ceritakan-masalahnya-55-000-karakter = Ceritakan masalahnya (5–5.000 karakter).
tuliskan-usulan-penyelesaiannya-55-000-karakter = Tuliskan usulan penyelesaiannya (5–5.000 karakter).
pilih-desa-kelurahan-lokasi-usulan = Pilih desa/kelurahan lokasi usulan.
pilih-jenis-kegiatan-dari-kamus-usulan = Pilih jenis kegiatan dari kamus usulan.
isi-volume-angka-lebih-dari-0 = Isi volume (angka lebih dari 0), mis. 120.
isi-satuan-volume-mis-meter = Isi satuan volume, mis. meter.
isi-perkiraan-biaya-dalam-rupiah-mis = Isi perkiraan biaya dalam rupiah, mis. 150.000.000.
judul-5200-karakter = Judul 5–200 karakter.
volume-lebih-dari-0 = Volume lebih dari 0.
perkiraan-biaya-dalam-rupiah = Perkiraan biaya dalam rupiah.
isi-sedikitnya-dua-bagian-memecah-berarti = Isi sedikitnya dua bagian: memecah berarti menjadi dua usulan atau lebih.
pilih-sedikitnya-satu-usulan-untuk-digabungkan = Pilih sedikitnya satu usulan untuk digabungkan.
paling-banyak-20-usulan-sekali-gabung = Paling banyak 20 usulan sekali gabung.

## src/domain/region.rs

## src/domain/role.rs
administrator = Administrator
perencana = Perencana
pemberi-persetujuan = Pemberi persetujuan
operator-desa-kelurahan = Operator desa/kelurahan
masyarakat-lembaga = Masyarakat / lembaga
dprd-peninjau = DPRD (peninjau)
mengelola-pengguna-organisasi-keanggotaan-nomenklatur-dan = Mengelola pengguna, organisasi, keanggotaan, nomenklatur dan jadwal tahapan di wilayah Anda.
menyusun-dokumen-rencana-daerah-menugaskan-program = Menyusun dokumen rencana daerah, menugaskan program ke perangkat daerah, membuka dan menutup tahapan, menjalankan cek keselarasan dan menjawab masukan.
menyetujui-atau-mengembalikan-perpindahan-tahapan-dan = Menyetujui atau mengembalikan perpindahan tahapan dan menetapkan rencana (tidak untuk rencana yang Anda ajukan sendiri).
mengisi-program-kegiatan-sub-kegiatan-indikator = Mengisi program, kegiatan, sub kegiatan, indikator, target dan pagu yang menjadi tanggung jawab perangkat daerah Anda, serta menyusun Renstra dan Renja.
mengajukan-dan-memeringkat-usulan-desa-kelurahan = Mengajukan dan memeringkat usulan desa/kelurahan serta menyusun RPJMDes dan RKPDes.
mengajukan-usulan-dan-aspirasi-memberi-masukan = Mengajukan usulan dan aspirasi, memberi masukan pada rancangan yang sedang dikonsultasikan, dan mengikuti usulan Anda.
membaca-setiap-rancangan-di-semua-tahapan = Membaca setiap rancangan di semua tahapan, memberi catatan dan menyampaikan pokok-pokok pikiran DPRD.

## src/domain/roster.rs
jenis-organisasi = Jenis organisasi
nama-organisasi = Nama organisasi
kode-wilayah = Kode wilayah
berkas-ini-tidak-berisi-baris-organisasi = Berkas ini tidak berisi baris organisasi atau pengguna.

## src/domain/search.rs
ketik-kata-kode-mis-1-02 = Ketik kata, kode (mis. 1.02.02) atau nomor usulan yang dicari.

## src/domain/snapshot.rs
teks-bab-ini-terlalu-panjang-untuk = Teks bab ini terlalu panjang untuk dibandingkan kata per kata; ditampilkan utuh, sebelum lalu sesudah.
perbandingan-bab-ini-dihentikan-karena-melewati = Perbandingan bab ini dihentikan karena melewati batas waktu; perbedaannya ditampilkan lebih kasar (per bagian, bukan per kata).

## src/domain/stage.rs
rencana-ini-sudah-ditetapkan-perubahan-dilakukan = Rencana ini sudah ditetapkan; perubahan dilakukan melalui dokumen perubahan.
penetapan-memerlukan-persetujuan-pemberi-persetujuan-approver = Penetapan memerlukan persetujuan pemberi persetujuan (approver).
anda-sendiri-yang-mengajukan-penetapan-ini = Anda sendiri yang mengajukan penetapan ini. Penetapan harus disetujui oleh pemberi persetujuan lain (prinsip empat mata).

## src/domain/target_pagu.rs
kunci-baris = Kunci baris
target-maks-rentang = Target maks (rentang)
kolom-versi-kosong-atau-bukan-angka = Kolom Versi kosong atau bukan angka; kolom ini tidak boleh diubah.
target-maks-lebih-kecil-dari-target = Target maks lebih kecil dari target.
target-maks-terisi-tetapi-target-kosong = Target maks terisi tetapi target kosong.
versi-baris-ini-tidak-terbaca-muat = Versi baris ini tidak terbaca; muat ulang halaman.
batas-atas-lebih-kecil-dari-target = Batas atas lebih kecil dari target.
batas-atas-terisi-tetapi-target-kosong = Batas atas terisi tetapi target kosong.
indikator-atau-item-baris-ini-tidak = Indikator atau item baris ini tidak ada (lagi) di rencana ini.

## src/domain/user.rs
email-setiap-ada-pemberitahuan-dan-di = Email setiap ada pemberitahuan (dan di kotak masuk)
satu-email-ringkasan-per-hari-dan = Satu email ringkasan per hari (dan di kotak masuk)
hanya-di-kotak-masuk-selaras = Hanya di kotak masuk Selaras
nama-lengkap-2200-karakter = Nama lengkap 2–200 karakter.
nomor-telepon-815-angka-contoh-0812 = Nomor telepon 8–15 angka (contoh: 0812 3456 7890 atau +62 293 362 000).
pilih-cara-pemberitahuan = Pilih cara pemberitahuan.
kata-sandi-ini-terlalu-umum-atau = Kata sandi ini terlalu umum atau mudah ditebak. Gunakan beberapa kata yang tidak berhubungan, misalnya kalimat pendek yang hanya Anda ketahui.
nama-pengguna-364-karakter-huruf-kecil = Nama pengguna 3–64 karakter: huruf kecil, angka, titik, minus atau garis bawah, diawali huruf atau angka.
alamat-email-tidak-valid-contoh-nama = Alamat email tidak valid (contoh: nama@magelangkota.go.id).
pilih-organisasi-tempat-pengguna-ini-bekerja = Pilih organisasi tempat pengguna ini bekerja.
pilih-peran-pengguna-ini = Pilih peran pengguna ini.
isi-alamat-email-tautan-konfirmasi-dikirim = Isi alamat email: tautan konfirmasi dikirim ke sana.
ulangi-kata-sandi-persis-sama = Ulangi kata sandi persis sama.
pilih-kabupaten-kota-tempat-anda-tinggal = Pilih kabupaten/kota tempat Anda tinggal.
pilih-lembaga-dari-daftar-kabupaten-kota = Pilih lembaga dari daftar kabupaten/kota yang Anda pilih, atau kosongkan.

## src/error.rs
halaman-tidak-ditemukan = Halaman tidak ditemukan
alamat-yang-anda-buka-tidak-ada = Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali alamatnya, atau kembali ke beranda.
terjadi-kesalahan = Terjadi kesalahan
maaf-terjadi-kesalahan-di-server-dan = Maaf, terjadi kesalahan di server dan permintaan Anda tidak diproses. Tidak ada data yang tersimpan sebagian. Silakan coba lagi; jika berulang, hubungi admin dengan menyebutkan kode permintaan di bawah.
layanan-sedang-tidak-tersedia = Layanan sedang tidak tersedia
basis-data-sedang-tidak-dapat-dihubungi = Basis data sedang tidak dapat dihubungi. Permintaan Anda tidak diproses. Silakan coba lagi dalam beberapa saat.
akses-ditolak = Akses ditolak
baru-saja-diubah-orang-lain = Baru saja diubah orang lain
permintaan-tidak-dapat-diproses = Permintaan tidak dapat diproses
server-sedang-sibuk = Server sedang sibuk
terlalu-banyak-permintaan-masuk-pada-saat = Terlalu banyak permintaan masuk pada saat yang sama. Permintaan Anda tidak diproses; silakan coba lagi beberapa detik lagi.
rencana-sedang-menunggu-penetapan = Rencana sedang menunggu penetapan
rencana-ini-baru-saja-diajukan-untuk = Rencana ini baru saja diajukan untuk penetapan, sehingga isinya dibekukan dan perubahan Anda tidak disimpan. Untuk mengubahnya, rencana perlu dikembalikan dulu ke tahap sebelumnya.

## src/web/account.rs
permintaan-terkirim-pengurus-lembaga-atau-perencana = Permintaan terkirim. Pengurus lembaga atau perencana Bappeda akan memutuskannya; hasilnya tampil di kotak masuk Anda.
anda-sudah-anggota-lembaga-itu-atau = Anda sudah anggota lembaga itu atau sudah memintanya.
pilih-lembaga-dari-daftar = Pilih lembaga dari daftar.
kata-sandi-saat-ini-salah = Kata sandi saat ini salah.
ulangi-kata-sandi-baru-persis-sama = Ulangi kata sandi baru persis sama.

## src/web/admin/kamus_import.rs
kamus = Kamus
pilih-berkas-csv-atau-xlsx-untuk = Pilih berkas .csv atau .xlsx untuk diunggah.
sebagian-nama-sudah-dipakai-di-kamus = Sebagian nama sudah dipakai di kamus; unggah lagi untuk pratinjau baru.

## src/web/admin/mod.rs
data-berhasil-dibuat = Data berhasil dibuat.
perubahan-tersimpan = Perubahan tersimpan.
kata-sandi-baru-tersimpan-semua-sesi = Kata sandi baru tersimpan; semua sesi pengguna ini telah diakhiri.
pengguna-dinonaktifkan-dan-semua-sesinya-diakhiri = Pengguna dinonaktifkan dan semua sesinya diakhiri.
pengguna-diaktifkan-kembali = Pengguna diaktifkan kembali.
keanggotaan-ditambahkan = Keanggotaan ditambahkan.
keanggotaan-dihapus = Keanggotaan dihapus.
nomenklatur-tambahan-berhasil-diimpor = Nomenklatur tambahan berhasil diimpor.
organisasi-kecamatan-dan-desa-kelurahan-dibuat = Organisasi kecamatan dan desa/kelurahan dibuat dari daftar wilayah.
verifikasi-dua-langkah-diatur-ulang-semua = Verifikasi dua langkah diatur ulang; semua sesi pengguna ini telah diakhiri. Saat masuk berikutnya ia memasang aplikasi autentikator lagi.

## src/web/admin/roster.rs
sebagian-data-bentrok-dengan-yang-dibuat = Sebagian data bentrok dengan yang dibuat bersamaan; unggah lagi untuk pratinjau baru.

## src/web/admin/users.rs
akun-dibuat-undangan-juga-dikirim-ke = Akun dibuat. Undangan juga dikirim ke alamat emailnya.
akun-dibuat = Akun dibuat.
tautan-undangan-berlaku-7-hari-sekali = Tautan undangan (berlaku 7 hari, sekali pakai)
tautan-atur-ulang-kata-sandi-berlaku = Tautan atur ulang kata sandi (berlaku 24 jam, sekali pakai)
tautan-konfirmasi-email-berlaku-48-jam = Tautan konfirmasi email (berlaku 48 jam, sekali pakai)
centang-kotak-ini-untuk-memastikan-verifikasi = Centang kotak ini untuk memastikan verifikasi dua langkah memang diatur ulang.

## src/web/alignment.rs
item-ini-sudah-terkait-dengan-item = Item ini sudah terkait dengan item tersebut.

## src/web/comments.rs
komentar-ini-hanya-untuk-staf-pemerintah = Komentar ini hanya untuk staf pemerintah daerah dan DPRD.
komentar-ini-sudah-dihapus-sehingga-tidak = Komentar ini sudah dihapus, sehingga tidak ditindaklanjuti.
pilih-status-tindak-lanjut = Pilih status tindak lanjut.
tuliskan-jawaban-tindak-lanjut-maksimal-5 = Tuliskan jawaban tindak lanjut (maksimal 5.000 karakter); penulis masukan akan membacanya.

## src/web/consultation.rs
masukan-publik-diterima-selama-tahap-konsultasi = Masukan publik diterima selama tahap konsultasi publik berlangsung.
dihapus = (dihapus)
belum-ditindaklanjuti = Belum ditindaklanjuti

## src/web/edge.rs
isian-mengandung-karakter-yang-tidak-diizinkan = Isian mengandung karakter yang tidak diizinkan
alamat-atau-parameternya-berisi-karakter-kontrol = Alamat atau parameternya berisi karakter kontrol (misalnya NUL) yang tidak dapat diproses.
alamat-ini-berisi-karakter-kontrol-misalnya = Alamat ini berisi karakter kontrol (misalnya NUL) yang tidak dapat diproses. Periksa kembali alamatnya.
isian-berisi-karakter-kontrol-misalnya-nul = Isian berisi karakter kontrol (misalnya NUL) yang tidak dapat disimpan. Kembali, hapus karakter itu, lalu kirim lagi.

## src/web/home.rs
rpjpd-rpjmd-renstra-rkpd-renja-rpjmdes = RPJPD, RPJMD, Renstra, RKPD, Renja, RPJMDes dan RKPDes wilayah Anda, dengan pohon kinerja, indikator dan pagu.
kelola-pengguna = Kelola pengguna
tambahkan-akun-atur-keanggotaan-dan-peran = Tambahkan akun, atur keanggotaan dan peran, atau nonaktifkan akun.
kelola-organisasi = Kelola organisasi
bappeda-perangkat-daerah-desa-kelurahan-lembaga = Bappeda, perangkat daerah, desa/kelurahan, lembaga dan DPRD di wilayah Anda.
warga-yang-ingin-menjadi-anggota-lembaga = Warga yang ingin menjadi anggota lembaga menunggu keputusan Anda.
nama-email-telepon-dan-cara-anda = Nama, email, telepon, dan cara Anda menerima pemberitahuan.
sesi-anda-di-perangkat-lain-akan = Sesi Anda di perangkat lain akan diakhiri.
usulan-yang-menunggu-keputusan-anda = Usulan yang menunggu keputusan Anda
akomodir-ke-sub-kegiatan-tolak-dengan = Akomodir ke sub kegiatan, tolak dengan alasan, atau tunda.
tetapkan-kapan-setiap-tingkat-mengirim-dan = Tetapkan kapan setiap tingkat mengirim dan meneruskan usulan; pengingat dikirim sebelum ditutup.
musrenbang-forum-perangkat-daerah-dan-forum = Musrenbang, forum perangkat daerah dan Forum Kemitraan: daftar hadir, keputusan, notulen.
jawab-terima-atau-tolak-setiap-masukan = Jawab, terima atau tolak setiap masukan; jawabannya tampil bagi penulisnya.
diubah-sejak-cek-terakhir-jalankan-untuk = Diubah sejak Cek terakhir: jalankan untuk melihat temuannya.
perencana-rencana-yang-sedang-disusun = Perencana: rencana yang sedang disusun
menunggu-penetapan-anda = Menunggu penetapan Anda
tetapkan-atau-kembalikan-dengan-catatan-penetapan = Tetapkan, atau kembalikan dengan catatan. Penetapan tidak dapat dilakukan oleh yang mengajukannya.
tidak-ada-rencana-yang-menunggu-penetapan = Tidak ada rencana yang menunggu penetapan. Perencana mengajukannya dari halaman rencana.
usulan-yang-menunggu-anda = Usulan yang menunggu Anda
verifikasi-usulan-yang-dialamatkan-ke-perangkat = Verifikasi usulan yang dialamatkan ke perangkat daerah Anda: teruskan ke Bappeda, atau tolak dengan alasan.
kode-indikator-target-dan-pagu-item = Kode, indikator, target dan pagu item yang menjadi tanggung jawab Anda.
usulan-desa-kelurahan-untuk-diperingkat-dan = Usulan desa/kelurahan untuk diperingkat dan diteruskan
hasil-musrenbang-kecamatan-urutkan-usulan-dari = Hasil Musrenbang kecamatan: urutkan usulan dari desa/kelurahan di kecamatan Anda, lalu teruskan ke kabupaten/kota atau tolak dengan alasan.
usulan-dari-desa-kelurahan-di-wilayah = Usulan dari desa/kelurahan di wilayah kecamatan, dengan statusnya dan rekapitulasinya.
musrenbang-kecamatan-musyawarah-dan-berita-acara = Musrenbang kecamatan: musyawarah dan berita acara
catat-musrenbang-daftar-hadir-keputusan-atas = Catat Musrenbang: daftar hadir, keputusan atas usulan yang dibahas, notulen; cetak berita acaranya.
kapan-kecamatan-dapat-meneruskan-usulan-tahun = Kapan kecamatan dapat meneruskan usulan tahun ini.
usulan-musrenbang-desa-kelurahan-anda-masalah = Usulan Musrenbang desa/kelurahan Anda: masalah, usulan penyelesaian, lokasi, volume dan perkiraan biaya.
usulan-yang-perlu-diperingkat = Usulan yang perlu diperingkat
urutkan-usulan-desa-kelurahan-anda-lalu = Urutkan usulan desa/kelurahan Anda lalu teruskan ke kecamatan.
masukan-anda-diterima-selama-tahap-ini = Masukan Anda diterima selama tahap ini.
masukan-anda-yang-sudah-ditindaklanjuti = Masukan Anda yang sudah ditindaklanjuti
kirim-aspirasi = Kirim aspirasi
usulan-anda-atau-lembaga-anda-untuk = Usulan Anda atau lembaga Anda untuk pembangunan daerah; ikuti prosesnya dengan nomornya.
masyarakat-dan-lembaga = Masyarakat dan lembaga
ajukan-pokok-pokok-pikiran-pokir = Ajukan pokok-pokok pikiran (pokir)
hasil-reses-dengan-rujukan-resesnya = Hasil reses, dengan rujukan resesnya.
staf-tanpa-verifikasi-dua-langkah = Staf tanpa verifikasi dua langkah
mereka-memasangnya-saat-masuk-berikutnya-atur = Mereka memasangnya saat masuk berikutnya; atur ulang bila ponselnya hilang.
undangan-yang-belum-dipakai = Undangan yang belum dipakai
berlaku-7-hari-buat-tautan-baru = Berlaku 7 hari; buat tautan baru bila sudah kedaluwarsa.
desa-perangkat-daerah-dan-lembaga-beserta = Desa, perangkat daerah dan lembaga beserta operatornya dari satu berkas.

## src/web/kerja_sama.rs
kerja-sama-ini-baru-saja-diubah = Kerja sama ini baru saja diubah orang lain, sehingga isian Anda belum disimpan. Isian Anda tetap di formulir; muat ulang halaman kerja sama untuk melihat versi terbaru.
isi-tanggal-target-mis-2026-06 = Isi tanggal target, mis. 2026-06-30.
tuliskan-tahapannya-2500-karakter = Tuliskan tahapannya (2–500 karakter).
pilih-dokumen-rencana-wilayah-anda = Pilih dokumen rencana wilayah Anda.
isi-kode-program-kegiatan-atau-sub = Isi kode program, kegiatan atau sub kegiatan yang memuat kerja sama ini.
item-ini-sudah-terkait-dengan-kerja = Item ini sudah terkait dengan kerja sama ini.

## src/web/maps/mod.rs
titik-lokasi-usulan = Titik lokasi usulan
peta-lokasi-sub-kegiatan = Peta lokasi sub kegiatan

## src/web/maps/pages.rs
rkpd-tidak-dapat-dibaca-atau-belum = RKPD tidak dapat dibaca atau belum ada
belum-ada-rkpd = Belum ada RKPD
rancangan-belum-dibuka-untuk-umum = Rancangan (belum dibuka untuk umum)

## src/web/maps/picker.rs
pilih-desa-kelurahan-lokasi-usulan-dulu = Pilih desa/kelurahan lokasi usulan dulu, lalu tampilkan petanya.
klik-peta-di-titik-lokasi-usulan = Klik peta di titik lokasi usulan untuk menandainya.
peta-kini-menampilkan-desa-kelurahan-yang = Peta kini menampilkan desa/kelurahan yang Anda pilih: klik sekali lagi untuk menandai titiknya.
desa-kelurahan-ini-belum-memiliki-peta = Desa/kelurahan ini belum memiliki peta; ketik koordinatnya.
klik-di-dalam-peta-untuk-menandai = Klik di dalam peta untuk menandai titik.
peta-menandai-titik-dengan-klik-atau = Peta menandai titik dengan klik atau sentuhan. Dengan papan ketik, isi Lintang dan Bujur di bawah peta.

## src/web/meetings.rs
musyawarah-dicatat-oleh-penyelenggaranya-kecamatan-perangkat = Musyawarah dicatat oleh penyelenggaranya (kecamatan, perangkat daerah, desa/kelurahan) atau perencana Bappeda.
teruskan = Teruskan
verifikasi = Verifikasi
notulen-paling-panjang-20-000-karakter = Notulen paling panjang 20.000 karakter.
notulen-baru-saja-diubah-orang-lain = Notulen baru saja diubah orang lain; isian Anda belum disimpan dan tetap di bawah. Periksa, lalu simpan lagi.
pilih-keputusan-teruskan-verifikasi-atau-tolak = Pilih keputusan: teruskan, verifikasi atau tolak.

## src/web/plans/create.rs
peran-anda-tidak-dapat-membuat-dokumen = Peran Anda tidak dapat membuat dokumen rencana. Perencana Bappeda membuat dokumen daerah; perangkat daerah membuat Renstra dan Renja-nya; operator desa membuat RPJMDes dan RKPDes desanya.
pilih-jenis-dokumen = Pilih jenis dokumen.

## src/web/plans/imports.rs
pilih-berkas-xlsx-untuk-diunggah = Pilih berkas .xlsx untuk diunggah.
berkas-ini-masih-mengandung-kesalahan-perbaiki = Berkas ini masih mengandung kesalahan; perbaiki lalu unggah lagi. Tidak ada yang diubah.
tidak-ada-perubahan-untuk-diterapkan = Tidak ada perubahan untuk diterapkan.
setiap-perubahan-dalam-rkpd-perubahan-memerlukan = Setiap perubahan dalam RKPD Perubahan memerlukan alasan (5–2.000 karakter).
isi-alasan-perubahan-lalu-terapkan-lagi = Isi alasan perubahan lalu terapkan lagi.
sebagian-isian-diubah-di-selaras-setelah = Sebagian isian diubah di Selaras setelah pratinjau ini dibuat, sehingga tidak ada yang diterapkan. Unduh lembar kerja yang baru, ulangi perubahan Anda, lalu unggah lagi.

## src/web/plans/items.rs
standar-pelayanan-minimal = Standar pelayanan minimal
penanggulangan-kemiskinan = Penanggulangan kemiskinan
item-ini-baru-saja-diubah-orang = Item ini baru saja diubah orang lain, sehingga pagu Anda belum disimpan. Isian Anda tetap di kolom; nilai yang tersimpan sekarang tampil di bawah tiap kolom. Periksa lalu simpan lagi.
rkpd-perubahan-tuliskan-alasan-perubahan-pagu = RKPD Perubahan: tuliskan alasan perubahan pagu ini (minimal 5 karakter).

## src/web/plans/mod.rs
rencana-yang-dipublikasikan = Rencana yang dipublikasikan

## src/web/plans/removal.rs
target-dan-realisasi-setiap-tahunnya-ikut = Target dan realisasi setiap tahunnya ikut terhapus; komentar tetap tersimpan.
bab-lain-tetap-bernomor-seperti-sekarang = Bab lain tetap bernomor seperti sekarang; komentar pada paragraf bab ini tetap tersimpan.

## src/web/plans/sections.rs
judul-bab-1200-karakter = Judul bab 1–200 karakter.
isi-bab-maksimal-200-000-karakter = Isi bab maksimal 200.000 karakter.

## src/web/plans/stages.rs
tuliskan-catatan-untuk-perpindahan-tahap-ini = Tuliskan catatan untuk perpindahan tahap ini (maksimal 4.000 karakter).
pilih-tahap = Pilih tahap.
isi-tanggal-dibuka-mis-2026-03 = Isi tanggal dibuka, mis. 2026-03-01.
isi-tanggal-ditutup-mis-2026-03 = Isi tanggal ditutup, mis. 2026-03-31.
tanggal-ditutup-tidak-boleh-sebelum-tanggal = Tanggal ditutup tidak boleh sebelum tanggal dibuka.
item-berubah = Item berubah
target-berubah = Target berubah
pagu-berubah = Pagu berubah

## src/web/plans/structure.rs
lembar-ini-masih-mengandung-kesalahan-perbaiki = Lembar ini masih mengandung kesalahan; perbaiki lalu unggah lagi. Tidak ada yang dibuat.
rencana-ini-sudah-berisi-item-sehingga = Rencana ini sudah berisi item, sehingga lembar kerja tidak dapat dimasukkan lagi.

## src/web/plans/table.rs
rencana-ini-diubah-orang-lain-tepat = Rencana ini diubah orang lain tepat saat Anda menyimpan; tidak ada yang tersimpan. Periksa lalu simpan lagi.
isi-alasan-perubahan-lalu-simpan-lagi = Isi alasan perubahan lalu simpan lagi.

## src/web/proposal_comments.rs
tuliskan-alasannya-pengusul-dan-publik-akan = Tuliskan alasannya: pengusul dan publik akan membacanya.

## src/web/proposal_files.rs
unggahan-tidak-terbaca-coba-unggah-ulang = Unggahan tidak terbaca. Coba unggah ulang berkasnya.

## src/web/proposals.rs
pilih-langkah = Pilih langkah.
usulan-saya = Usulan saya
usulan-pembangunan = Usulan pembangunan
usulan-diajukan-oleh-operator-desa-kelurahan = Usulan diajukan oleh operator desa/kelurahan (Musrenbang), masyarakat atau lembaga (aspirasi), anggota DPRD (pokir) dan perangkat daerah (Renja). Akun Anda tidak memiliki peran tersebut.
teruskan-ke-tingkat-berikutnya = Teruskan ke tingkat berikutnya
nyatakan-terverifikasi-layak-dan-biaya-wajar = Nyatakan terverifikasi (layak dan biaya wajar)
akomodir-ke-sub-kegiatan-rkpd = Akomodir ke sub kegiatan RKPD
tunda-ke-tahun-berikutnya = Tunda ke tahun berikutnya
tolak-dengan-alasan = Tolak (dengan alasan)
pindahkan-ke-sub-kegiatan-rkpd-lain = Pindahkan ke sub kegiatan RKPD lain
isi-volume-yang-diambil-angka-lebih = Isi volume yang diambil (angka lebih dari nol).
isi-pagu-yang-diambil-mis-150 = Isi pagu yang diambil (mis. 150.000.000).

## src/web/revalidate.rs

## src/web/search.rs
item-rencana = Item rencana
komentar = Komentar

## src/web/session.rs
email-anda-terkonfirmasi-silakan-masuk-dengan = Email Anda terkonfirmasi. Silakan masuk dengan nama pengguna dan kata sandi yang Anda pilih.
kata-sandi-anda-tersimpan-silakan-masuk = Kata sandi Anda tersimpan. Silakan masuk dengan kata sandi baru.
anda-telah-keluar-sampai-jumpa-lagi = Anda telah keluar. Sampai jumpa lagi.
email-akun-ini-belum-dikonfirmasi-buka = Email akun ini belum dikonfirmasi. Buka tautan konfirmasi yang kami kirim ke email Anda, lalu masuk lagi.
nama-pengguna-atau-kata-sandi-salah = Nama pengguna atau kata sandi salah, atau akun tidak aktif.
kode-salah-atau-sudah-dipakai-masukkan = Kode salah atau sudah dipakai. Masukkan kode yang sedang tampil di aplikasi autentikator Anda, atau salah satu kode pemulihan.
kode-belum-cocok-pastikan-jam-ponsel = Kode belum cocok. Pastikan jam ponsel Anda tepat, lalu masukkan kode yang sedang tampil di aplikasi.

## src/web/signup.rs
konfirmasi-pendaftaran = Konfirmasi pendaftaran
anda-sudah-punya-akun = Anda sudah punya akun
nama-pengguna-ini-sudah-dipakai-pilih = Nama pengguna ini sudah dipakai. Pilih yang lain.
terlalu-banyak-pendaftaran-dari-perangkat-atau = Terlalu banyak pendaftaran dari perangkat atau alamat ini. Coba lagi dalam satu jam.
permintaan-itu-sudah-diputuskan-orang-lain = Permintaan itu sudah diputuskan orang lain atau tidak ada lagi.

## src/auth/guard.rs
terlalu-banyak-percobaan-yang-gagal-demi = Terlalu banyak percobaan yang gagal. Demi keamanan, percobaan ditolak sementara. Coba lagi setelah { $a1 }.

## src/auth/policy/kerja_sama.rs
kerja-sama-daerah-dicatat-dan-dikelola = Kerja sama daerah dicatat dan dikelola oleh perencana Bappeda. Peran Anda: { $a1 }.

## src/auth/policy/mod.rs
hanya-dapat-dilakukan-oleh-pengguna-dengan = { $what } hanya dapat dilakukan oleh pengguna dengan peran Administrator. Akun Anda ({ $a1 }) memiliki peran: { $a2 }.
data-ini-milik-wilayah-lain-sebagai = Data ini milik wilayah lain. Sebagai Administrator Anda hanya dapat mengelola { $a1 }.
penyuntingan-tahap-terkunci-sampai-saat-jadwalnya = Penyuntingan tahap { $a1 } terkunci sampai { $a2 }, saat jadwalnya dibuka.
penyuntingan-tahap-ditutup-sejak-perencana-dapat = Penyuntingan tahap { $a1 } ditutup sejak { $a2 }. Perencana dapat memperpanjang jadwal atau melanjutkan ke tahap berikutnya.
disusun-oleh-pemerintah-desanya-sendiri-hanya = { $a1 } disusun oleh pemerintah desanya sendiri; hanya operator desa tersebut yang dapat mengubahnya.
mengubah-hanya-dapat-dilakukan-oleh-perencana = Mengubah { $a1 } hanya dapat dilakukan oleh perencana Bappeda{ $a2 }. Peran Anda: { $a3 }.

## src/auth/policy/plan.rs
melanjutkan-tahapan-hanya-dapat-dilakukan-oleh = Melanjutkan tahapan hanya dapat dilakukan oleh perencana Bappeda{ $a1 }. Peran Anda: { $a2 }.
menyetujui-penetapan-atau-mengembalikan-rencana-hanya = Menyetujui penetapan atau mengembalikan rencana hanya dapat dilakukan oleh pemberi persetujuan (kepala Bappeda atau yang diberi kuasa). Peran Anda: { $a1 }.
membuat-hanya-dapat-dilakukan-oleh-perencana = Membuat { $a1 } hanya dapat dilakukan oleh perencana Bappeda.
dibuat-oleh-perencana-bappeda-atau-oleh = { $a1 } dibuat oleh perencana Bappeda atau oleh perangkat daerah untuk organisasinya sendiri.
dibuat-oleh-operator-desa-untuk-desanya = { $a1 } dibuat oleh operator desa untuk desanya sendiri.
rencana-hanya-dapat-dihapus-selama-masih = Rencana hanya dapat dihapus selama masih pada tahap { $a1 }; setelah itu isinya dihapus per bagian.
mengubah-item-rencana-ini-hanya-dapat = Mengubah item rencana ini hanya dapat dilakukan oleh perencana Bappeda atau perangkat daerah penanggung jawabnya. Peran Anda: { $a1 }.

## src/auth/policy/proposal.rs
usulan-ini-sudah-koreksi-hanya-dapat = Usulan ini sudah { $a1 }; koreksi hanya dapat dilakukan sebelum diverifikasi.

## src/domain/checks/rules.rs
berada-di-bawah-dalam-yang-sah = { $a1 } berada di bawah { $a2 } — dalam { $a3 } yang sah di situ: { $a4 }.
tidak-memiliki-kode-nomenklatur = { $a1 } tidak memiliki kode nomenklatur.
kode-tidak-ada-dalam-nomenklatur-wilayah = Kode { $raw } tidak ada dalam nomenklatur wilayah ini.
kode-dipakai-lebih-dari-sekali-dalam = Kode { $raw } dipakai lebih dari sekali dalam rencana ini.
belum-memiliki-indikator = { $a1 } belum memiliki indikator.
indikator-belum-memiliki-target-tahun = Indikator "{ $a1 }" belum memiliki target tahun { $a2 }.
indikator-belum-memiliki-kondisi-awal = Indikator "{ $a1 }" belum memiliki kondisi awal.
target-indikator-berbeda-dengan-target-rpjmd = Target { $year } indikator "{ $a1 }" berbeda dengan target RPJMD yang diacu.
program-ini-belum-diselaraskan-dengan-sasaran = Program ini belum diselaraskan dengan sasaran atau program RPJMD yang berlaku pada { $year }.
jumlah-pagu-rincian-melebihi-pagu-ini = Jumlah pagu rincian { $year } melebihi pagu { $a1 } ini.
total-pagu-sub-kegiatan-tahun-melebihi = Total pagu sub kegiatan { $name } tahun { $year } melebihi pagu indikatif perangkat daerahnya.
belum-memiliki-perangkat-daerah-penanggung-jawab = { $a1 } belum memiliki perangkat daerah penanggung jawab.
usulan-diakomodir-tanpa-sub-kegiatan-yang = Usulan { $a1 } diakomodir tanpa sub kegiatan yang menampungnya.
usulan-diakomodir-ke-item-yang-bukan = Usulan { $a1 } diakomodir ke item yang bukan sub kegiatan RKPD { $a2 }.
usulan-ditolak-tanpa-alasan = Usulan { $a1 } ditolak tanpa alasan.
kerja-sama-direncanakan-tetapi-belum-ada = Kerja sama "{ $a1 }" direncanakan, tetapi belum ada item berpagu dalam rencana ini untuk tahun { $a2 }.

## src/domain/comment.rs
komentar-maksimal-karakter-sekarang = Komentar maksimal { $MAX_BODY } karakter (sekarang { $n }).

## src/domain/indicator.rs
bukan-angka-contoh-4-13 = "{ $a1 }" bukan angka (contoh: 4,13).
target-rentang-perlu-nilai-minimum-dan = { $year }: target rentang perlu nilai minimum dan maksimum.
batas-bawah-lebih-besar-dari-batas = { $year }: batas bawah { $a1 } lebih besar dari batas atas { $a2 }.
hanya-indikator-rentang-yang-memakai-kisaran = { $year }: hanya indikator rentang yang memakai kisaran.
target-turun-dari-padahal-polaritasnya-naik = Target { $y1 } ({ $a1 }) turun dari { $y0 } ({ $a2 }), padahal polaritasnya naik.
target-naik-dari-padahal-polaritasnya-turun = Target { $y1 } ({ $a1 }) naik dari { $y0 } ({ $a2 }), padahal polaritasnya turun.

## src/domain/item.rs
kode-tidak-ada-dalam-nomenklatur-wilayah-2 = Kode { $kode } tidak ada dalam nomenklatur wilayah ini (Kepmendagri 050-5889/2021 dan tambahan daerah).

## src/domain/kode.rs
kode-tidak-sesuai-format-nomenklatur-program = Kode "{ $s }" tidak sesuai format nomenklatur: program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan 1.02.02.2.01.0001.
kode-adalah-kode-bukan = Kode { $kode } adalah kode { $a1 }, bukan { $a2 }.
kode-harus-diawali-kode-induknya = Kode { $kode } harus diawali kode induknya { $p }.

## src/domain/map.rs
koordinat-di-luar-bumi = koordinat di luar bumi: { $lat }, { $lng }
kode-wilayah-tidak-sah = kode wilayah { $kode } tidak sah
baris-kode-sudah-ada-di-baris = baris { $line }: kode { $a1 } sudah ada di baris { $first }

## src/domain/money.rs
bukan-jumlah-rupiah-contoh-1-250 = "{ $a1 }" bukan jumlah rupiah (contoh: 1.250.000.000).

## src/domain/musrenbang.rs
untuk-rkpd-baru-dibuka-usulan-belum = { $a1 } untuk RKPD { $year } baru dibuka { $a2 }: usulan belum dapat dikirim atau diteruskan sebelum itu.
untuk-rkpd-sudah-ditutup-usulan-tidak = { $a1 } untuk RKPD { $year } sudah ditutup ({ $a2 }): usulan tidak dapat dikirim atau diteruskan lagi. Hubungi Bappeda bila jadwalnya perlu dibuka kembali.

## src/domain/nomenklatur_csv.rs
berkas-melebihi-baris = Berkas melebihi { $MAX_ROWS } baris.
baris-tidak-terbaca = Baris tidak terbaca: { $e }
kode-muncul-lebih-dari-sekali-dalam = Kode { $kode } muncul lebih dari sekali dalam berkas.

## src/domain/plan.rs
periode-harus-berada-di-dalam-periode = Periode harus berada di dalam periode dokumen induknya ({ $period }).
memerlukan-dokumen-induk-dari-wilayah-ini = { $a1 } memerlukan dokumen induk { $a2 } dari wilayah ini.

## src/domain/plan_import.rs
lembar-tidak-ditemukan-atau-judul-kolomnya = Lembar "{ $SHEET }" tidak ditemukan atau judul kolomnya ({ $a1 }) berubah. Unduh lembar kerja rencana dari Selaras (berisi lembar { $SHEET }) sebagai contoh isiannya.
kolom-di-luar-periode-rencana-ini = Kolom "{ $t }" di luar periode rencana ini ({ $a1 }–{ $a2 }).
kolom-di-luar-tahun-pagu-rencana = Kolom "{ $t }" di luar tahun pagu rencana ini.
tidak-memiliki-indikator = { $a1 } tidak memiliki indikator.
polaritas-tidak-dikenal-naik-turun-atau = Polaritas "{ $other }" tidak dikenal (naik, turun atau rentang).
tingkat-tidak-dikenal = Tingkat "{ $tingkat }" tidak dikenal.
no-dipakai-lebih-dari-sekali = No { $no } dipakai lebih dari sekali.
induk-bukan-no-item-di-atas = Induk "{ $s }" bukan No item di atas baris ini.
tidak-dapat-berada-dalam-yang-diharapkan = { $a1 } tidak dapat berada { $under } dalam { $a2 } (yang diharapkan: { $a3 }).
memerlukan-kode-nomenklatur = { $a1 } memerlukan kode nomenklatur.
kode-bukan-kode = Kode { $k } bukan kode { $a1 }.
kode-tidak-berada-di-bawah-kode = Kode { $k } tidak berada di bawah kode induknya { $pk }.
prioritas-tidak-dikenal = Prioritas "{ $t }" tidak dikenal ({ $a1 }).
tidak-memiliki-pagu = { $a1 } tidak memiliki pagu.
lembar-tidak-berisi-item-apa-pun = Lembar "{ $SHEET }" tidak berisi item apa pun.
lembar-maupun-baris-sipd-kolom-kode = Lembar "{ $SHEET }" maupun baris SIPD (kolom "Kode sub kegiatan", "Nama sub kegiatan", "Pagu { $year }") tidak ditemukan dalam berkas ini.
kolom-pagu-tidak-ada-baris-sipd = Kolom "Pagu { $year }" tidak ada: baris SIPD ini bukan untuk tahun { $year }.
kode-bukan-kode-sub-kegiatan = Kode { $kode } bukan kode sub kegiatan.
bukan-angka = "{ $t }" bukan angka.
kode-tidak-ada-dalam-nomenklatur-wilayah-3 = Kode { $k } tidak ada dalam nomenklatur wilayah ini.
lokasi-tidak-dikenal-di-wilayah-ini = Lokasi "{ $a1 }" tidak dikenal di wilayah ini.
bukan-rentang-contoh-57 = "{ $a1 }" bukan rentang (contoh: 5–7).

## src/domain/proposal.rs
usulan-ini-sudah-statusnya-tidak-berubah = Usulan ini sudah { $a1 }; statusnya tidak berubah lagi.
langkah-ini-tidak-berlaku-untuk-usulan = Langkah ini tidak berlaku untuk usulan yang { $a1 }.
tahun-penundaan-harus-sesudah-paling-lambat = Tahun penundaan harus sesudah { $a1 } (paling lambat { $a2 }).
kode-tidak-ada-di-nomenklatur-daerah = Kode { $a1 } tidak ada di nomenklatur daerah ini.
judul-kolom-tidak-ditemukan-baris-judul = Judul kolom tidak ditemukan. Baris judul harus berisi: { $a1 }.
sudah-ada-di-kamus = "{ $a1 }" sudah ada di kamus.
nama-ini-juga-ada-di-baris = Nama ini juga ada di baris { $first }.
usulan-tujuan-sudah = Usulan tujuan sudah { $a1 }.
adalah-usulan-tujuan-itu-sendiri = { $nomor } adalah usulan tujuan itu sendiri.
dari-wilayah-atau-tahun-lain-yang = { $nomor } dari wilayah atau tahun lain; yang digabung harus sewilayah dan setahun.

## src/domain/roster.rs
jenis-organisasi-tidak-dikenal = Jenis organisasi "{ $a1 }" tidak dikenal ({ $kinds }).
peran-tidak-dikenal = Peran "{ $a1 }" tidak dikenal ({ $roles }).

## src/domain/snapshot.rs
indikator-baru-3 = { $owner } · indikator baru
kondisi-akhir-2 = { $a1 } ({ $a2 }) · kondisi akhir

## src/domain/stage.rs
tidak-memiliki-tahap = { $a1 } tidak memiliki tahap { $a2 }.
rencana-baru-dapat-ditetapkan-dari-tahap = Rencana baru dapat ditetapkan dari tahap Menunggu penetapan (sekarang { $a1 }).
adalah-tahap-pertama-tidak-ada-tahap = { $a1 } adalah tahap pertama; tidak ada tahap sebelumnya.

## src/domain/target_pagu.rs
lembar-ini-bukan-lembar-target-dan = Lembar ini bukan lembar target dan pagu dari Selaras: baris judul kolom ({ $a1 }) tidak ditemukan. Unduh lembar kerja dari halaman rencana, ubah isinya, lalu unggah kembali.
kunci-baris-tidak-dikenal-kolom-ini = Kunci baris "{ $raw_key }" tidak dikenal; kolom ini tidak boleh diubah.
bukan-angka-contoh-4-13-atau = "{ $a1 }" bukan angka (contoh: 4,13 atau 1250).
angka-tidak-dapat-dibaca = Angka { $f } tidak dapat dibaca.
angka-terlalu-besar-atau-tidak-dapat = Angka { $f } terlalu besar atau tidak dapat dibaca.
baris-ini-mengulang-baris-kunci-yang = Baris ini mengulang baris { $first } (kunci yang sama).
tahun-di-luar-periode-rencana-ini = Tahun { $a1 } di luar periode rencana ini.

## src/domain/user.rs
kata-sandi-minimal-karakter-sekarang = Kata sandi minimal { $PASSWORD_MIN_CHARS } karakter (sekarang { $n }).
kata-sandi-maksimal-karakter = Kata sandi maksimal { $PASSWORD_MAX_CHARS } karakter.

## src/web/admin/nomenklatur.rs
kode-sudah-ada-dalam-nomenklatur = Kode { $a1 } sudah ada dalam nomenklatur.
induk-tidak-ada-dalam-nomenklatur-maupun = Induk { $parent } tidak ada dalam nomenklatur maupun dalam berkas ini.

## src/web/alignment.rs
dalam-tidak-diselaraskan-ke-dokumen-lain = { $a1 } dalam { $a2 } tidak diselaraskan ke dokumen lain.
pilih-yang-diacu = Pilih { $a1 } yang diacu.

## src/web/consultation.rs
masukan-publik-diterima-sampai = Masukan publik diterima sampai { $a1 }.
konsultasi-publik-dibuka-pada = Konsultasi publik dibuka pada { $a1 }.
konsultasi-publik-telah-ditutup-pada = Konsultasi publik telah ditutup pada { $a1 }.

## src/web/feeds.rs
konsultasi-publik-3 = Konsultasi publik: { $a1 }
masukan-diterima-sampai = { $a1 }. Masukan diterima sampai { $a2 }.
masukan-diterima-selama-tahap-ini = { $a1 }. Masukan diterima selama tahap ini.

## src/web/home.rs
tahap-berikut = tahap berikut: { $a1 }
jadwal-tahap-ini-berakhir = { $a1 }; { $next }; jadwal tahap ini berakhir { $a2 }
masukan-menunggu-tindak-lanjut = Masukan menunggu tindak lanjut · { $a1 }
kesalahan-dan-peringatan-pada-cek-terakhir = { $e } kesalahan dan { $w } peringatan pada Cek terakhir, sejak perubahan terakhir.
temuan-cek-untuk-perangkat-daerah-anda = Temuan Cek untuk perangkat daerah Anda · { $a1 }
semua-usulan-di = Semua usulan di { $name }
masukan-diterima-sampai-2 = Masukan diterima sampai { $a1 }.
dari-masukan-yang-anda-kirim-jawabannya = dari { $a1 } masukan yang Anda kirim; jawabannya tampil di bawah masukan Anda
berubah-sejak-terakhir-anda-tandai = Berubah sejak terakhir Anda tandai: { $a1 }

## src/web/kerja_sama.rs
kerja-sama-daerah-3 = Kerja sama daerah · { $a1 }
status-kerja-sama-ini-baru-saja = Status kerja sama ini baru saja diubah orang lain (sekarang: { $a1 }); langkah Anda belum dijalankan.
status-kerja-sama-hanya-berpindah-satu = Status kerja sama hanya berpindah satu langkah dari { $a1 }.
kode-tidak-ada-dalam-dokumen-yang = Kode { $kode } tidak ada dalam dokumen yang dipilih.

## src/web/maps/mod.rs
peta-lokasi-2 = Peta lokasi: { $a1 }
usulan-lain-di = Usulan lain di { $a1 }

## src/web/maps/pages.rs
peta-jumlah-usulan-per-wilayah-di = Peta jumlah usulan per wilayah di { $a1 }
peta-pagu-tahun-per-wilayah = Peta pagu { $title } tahun { $year } per wilayah

## src/web/maps/picker.rs
titik-ini-berada-di-luar-batas = Titik ini berada di luar batas { $nama }. Pilih titik di dalam desa/kelurahan lokasi usulan.

## src/web/meetings.rs
usulan-ini-di-luar-wilayah = usulan ini di luar wilayah { $a1 }.
baru-saja-diproses-orang-lain-tidak = { $a1 } baru saja diproses orang lain; tidak ada yang disimpan.

## src/web/plans/chart.rs
belum-ada-kondisi-awal-target-atau-realisasi = Belum ada kondisi awal, target atau realisasi untuk digambarkan ({ $a1 }).
kondisi-awal-2 = Kondisi awal { $y }: { $a1 }

## src/web/plans/imports.rs
target-dan-pagu = Target dan pagu · { $a1 }
tidak-ada-yang-diubah-unggah-lagi = Tidak ada yang diubah: { $why } Unggah lagi lembar kerja yang baru.

## src/web/plans/item_alignment.rs
kode-sama = Kode sama ({ $k })

## src/web/plans/items.rs
pilih-induk-yang-sah-hanya-dapat = Pilih induk yang sah: { $a1 } hanya dapat berada di bawah tingkat tepat di atasnya.

## src/web/plans/mod.rs
dokumen-rencana-2 = Dokumen rencana · { $a1 }

## src/web/plans/reference.rs
acuan-provinsi-tidak-diubah-pilih-provinsi = Acuan provinsi tidak diubah: pilih { $a1 } provinsi yang mencakup tahun { $a2 }.

## src/web/plans/removal.rs
indikator-beserta-target-dan-realisasinya = { $a1 } indikator beserta target dan realisasinya.
pagu-item-ini-dan-pagu-item = Pagu item ini ({ $pagu }) dan pagu item di bawahnya.
komentar-tetap-tersimpan-dan-terbaca-di = { $a1 } komentar tetap tersimpan dan terbaca di riwayat komentar rencana.
hapus-indikator = Hapus indikator "{ $a1 }"?
hapus-bab = Hapus bab "{ $a1 }"?
hapus-seluruh = Hapus seluruh { $a1 }?
seluruh-bab-item-beserta-indikator-target = Seluruh bab, { $a1 } item beserta indikator, target dan pagunya, komentar dan riwayatnya ikut terhapus. Penghapusan tercatat di log audit.

## src/web/plans/stages.rs
rencana-ini-berubah-sejak-halaman-anda = Rencana ini berubah sejak halaman Anda dibuka (sekarang: { $a1 }, versi { $a2 }). Baca versi terbaru di bawah sebelum menetapkannya.
tahapan-rencana-ini-baru-saja-diubah = Tahapan rencana ini baru saja diubah orang lain (sekarang: { $a1 }). Periksa lalu ulangi bila masih perlu.
terakhir-anda-tandai-dibaca = Terakhir Anda tandai dibaca ({ $a1 })
penyuntingan-terkunci-sampai = Penyuntingan terkunci sampai { $a1 }.
penyuntingan-ditutup-sejak = Penyuntingan ditutup sejak { $a1 }.

## src/web/plans/table.rs
nilai-tersimpan = { $n } nilai tersimpan.
tidak-tersimpan = Tidak tersimpan: { $why }
tidak-tersimpan-isian-anda = Tidak tersimpan: { $why } Isian Anda: { $a1 }.
isian-tidak-dapat-diterima-ditandai = { $a1 } isian tidak dapat diterima (ditandai)
baris-diubah-orang-lain-sejak-halaman = { $a1 } baris diubah orang lain sejak halaman ini dibuka (nilai terbarunya kini ditampilkan, isian Anda tertulis di barisnya)
belum-ada-yang-disimpan-isian-anda = Belum ada yang disimpan: { $a1 }. Isian Anda yang lain tidak hilang; perbaiki lalu simpan lagi.

## src/web/proposal_files.rs
usulan-ini-sudah-memiliki-lampiran-hapus = Usulan ini sudah memiliki { $MAX_FILES } lampiran; hapus satu dulu.

## src/web/proposal_lineage.rs
usulan-baru-saja-berubah-sehingga-tidak = Usulan { $n } baru saja berubah, sehingga tidak ada yang disimpan. Buka kembali usulannya dan ulangi.

## src/web/proposals.rs
usulan-pembangunan-2 = Usulan pembangunan { $region }
untuk-mengakomodir-pilih-sub-kegiatan-rkpd = Untuk mengakomodir, pilih sub kegiatan RKPD { $a1 } yang menampung.
usulan-ini-baru-saja-diproses-orang = Usulan ini baru saja diproses orang lain (sekarang: { $a1 }).
peringkat-berupa-angka-1999-1-paling = Peringkat { $a1 } berupa angka 1–999 (1 paling penting).

## src/web/search.rs
komentar-pada = Komentar pada { $a1 }
atau-operator-desa-pemilik-dokumen = atau operator desa pemilik dokumen
atau-perangkat-daerah-pemiliknya = atau perangkat daerah pemiliknya
belum-ada-peran = belum ada peran
bab-nomor = Bab
paragraf-nomor = paragraf
contoh-kode-sub-kegiatan = mis. 1.03.10.2.01.0034
contoh-satuan-meter = mis. meter
nama-pengguna-boleh-berisi = huruf kecil, angka, titik, minus atau garis bawah
contoh-urusan-pekerjaan-umum = mis. Pekerjaan umum dan penataan ruang
contoh-kode-sub-kegiatan-2 = mis. 1.03.06.2.01.0019

## account/profile.html
bahasa-antarmuka = Bahasa antarmuka
bahasa-halaman-selaras = Bahasa halaman Selaras
simpan-bahasa = Simpan bahasa
pilihan-ini-tersimpan-di-profil-anda = Pilihan ini tersimpan di profil Anda dan ikut saat Anda masuk di perangkat lain. Tombol di kaki setiap halaman juga menggantinya.
