# Selaras: the interface's texts in English (chosen with the switch in
# every page's footer). Same keys as id.ftl, in the same order; planning
# terms keep their Indonesian names, glossed where they are explained.

## account/password.html
ubah-kata-sandi = Change password
kata-sandi-baru-tersimpan-sesi-anda = New password saved. Your sessions on other devices have been ended.
minimal-12-karakter-kalimat-pendek-dari = At least 12 characters. A short sentence of a few unrelated words is easy to remember and hard to guess.
kata-sandi-saat-ini = Current password
kata-sandi-baru = New password
ulangi-kata-sandi-baru = Repeat new password
simpan-kata-sandi = Save password

## account/profile.html
profil-saya = My profile
akun = Account
nama-ini-tampil-pada-komentar-dan = . This name appears on your comments and proposals; your email and phone number are visible only to the regional admin.
profil-tersimpan = Profile saved.
profil-ini-baru-saja-diubah-di = This profile was just changed elsewhere, so your entries have not been saved. Check them and save again.
periksa-kembali-isian-yang-ditandai-isian = Please check the highlighted fields; your entries have not been lost.
nama-lengkap = Full name
email = Email
telepon = Phone
pemberitahuan = Notifications
tanpa-alamat-email-pemberitahuan-hanya-tampil = Without an email address, notifications appear only in your inbox.
simpan-profil = Save profile
lembaga = Institution
anda-anggota = You are a member of:
menunggu-keputusan = awaiting decision
diterima = accepted
ditolak = rejected
diminta = (requested
tidak-ada-lembaga-lain-di-wilayah = There are no other institutions in your region that you can ask to join.
minta-bergabung-dengan-lembaga = Ask to join an institution
pilih-lembaga = Choose an institution…
catatan-untuk-pengurus = Note for the managers
pilihan = (optional)
mis-anggota-pkk-rw-04 = e.g. member of PKK RW 04
kirim-permintaan = Send request

## account/requests.html
permintaan-bergabung-dengan-lembaga = Requests to join an institution
tidak-ada-permintaan-yang-menunggu-keputusan = There are no requests awaiting your decision.
yang-diterima-menjadi-anggota-lembaga-itu = Those you accept become members of that institution and can submit public aspirations on its behalf.
warga = Resident
catatan = Note
diminta-2 = Requested
keputusan = Decision
terima = Accept
di = in
tolak = Reject

## admin/index.html
admin = Admin
admin-2 = Admin ·
pengguna = Users
aktif-dari = active of
akun-2 = accounts.
tambah-pengguna = Add user
organisasi = Organisations
organisasi-bappeda-perangkat-daerah-kecamatan-desa = organisations: Bappeda (regional planning agency), agencies, districts, villages/urban villages, institutions and DPRD (regional parliament).
tambah-organisasi = Add organisation
nomenklatur = Nomenclature
daftar-nasional-program-kegiatan-dan-sub = National list of programmes, activities and sub-activities, plus regional additions from CSV files.
kamus-usulan = Proposal catalogue
jenis-usulan-yang-dapat-diajukan-dengan = Types of proposal that can be submitted, with the sub-activity and the agency that handles each.

## admin/kamus.html
kamus-usulan-2 = › Proposal catalogue
jenis-usulan-yang-dapat-diajukan-warga = Types of proposal that residents, villages/urban villages, DPRD (regional parliament) and agencies in this region can submit. Each type carries the code of the sub-activity that covers it and the agency that verifies it; the proposal form offers only the types listed here.
kamus-usulan-tersimpan = Proposal catalogue saved.
kamus-usulan-wilayah-ini-masih-kosong = This region's proposal catalogue is still empty, so no proposals can be submitted yet. Add the first proposal type below.
cari-jenis-usulan-atau-kode-sub = Search proposal type or sub-activity code
perangkat-daerah = Agency
semua = All
saring = Filter
dari = of
jenis-usulan = proposal types
tampilkan-semua = show all
tidak-ada-jenis-usulan-yang-cocok = No proposal types match this filter.
jenis-usulan-2 = Proposal type
sub-kegiatan = Sub-activity
satuan = Unit
tidak-ditawarkan = not offered
impor-dari-csv-atau-xlsx = Import from CSV or .xlsx
kolom-baris-judul-persis-seperti-ini = Columns (header row exactly as shown):
nama-jenis-usulan-kode-sub-kegiatan = Nama jenis usulan, Kode sub kegiatan, Perangkat daerah, Satuan
perangkat-daerah-ditulis-dengan-namanya-di = ; write each agency by its name in Selaras. You will see a preview and every faulty row before anything is saved.
berkas-csv-atau-xlsx = .csv or .xlsx file
pratinjau = Preview
tambah-jenis-usulan = Add proposal type
nama-jenis-usulan = Proposal type name
kode-sub-kegiatan-nomenklatur = Sub-activity code (nomenclature)
perangkat-daerah-yang-menangani = Handling agency
pilih-perangkat-daerah = — choose an agency —
satuan-volume = Volume unit

## admin/kamus_edit.html
kamus-usulan-3 = · Proposal catalogue
ubah = › Edit
ubah-jenis-usulan = Edit proposal type
ditawarkan-pada-formulir-usulan = Offered on the proposal form
hapus-centang-untuk-tidak-menawarkan-jenis = Untick to stop offering this type; proposals that already use it stay intact.
simpan = Save
batal = Cancel

## admin/kamus_import.html
impor-kamus-usulan = Import proposal catalogue
impor = › Import
kembali = Back
jenis-usulan-baru = new proposal types
baris-salah = faulty rows
baris = Row
masalah = Problem
perbaiki-baris-di-atas-lalu-unggah = Fix the rows above and upload again; as long as any row is wrong, nothing is saved.

## admin/nomenklatur.html
nomenklatur-2 = › Nomenclature
nomenklatur-3 = Nomenclature ·
kode-program-kegiatan-dan-sub-kegiatan = Programme, activity and sub-activity codes that plans in this region can use: the national list (Kepmendagri 050-5889/2021 and its amendments, 4,367 codes) plus the regional additional codes below.
impor-tambahan-dari-csv = Import additions from CSV
kolom = Columns:
kode-level-nama-indikator-satuan = kode,level,nama,indikator,satuan
level = ; level is
program = program
kegiatan = kegiatan
atau = or
sub-kegiatan-2 = sub_kegiatan
setiap-kode-harus-baru-dan-induknya = . Every code must be new and its parent must already exist. Provincial governments import here the activities and sub-activities under provincial authority (digit
setelah-kode-program-mis = after the programme code, e.g.
yang-tidak-ada-dalam-daftar-kabupaten = ), which are not in the regency/city list. You will see a preview and a list of errors per row before anything is saved.
berkas-csv = CSV file
tambahan-daerah = Regional additions
belum-ada-kode-tambahan = No additional codes yet.
kode = Code
nama = Name
indikator = Indicator

## admin/nomenklatur_preview.html
pratinjau-impor-nomenklatur = Nomenclature import preview
pratinjau-2 = › Preview
kesalahan-ditemukan-tidak-ada-yang-disimpan = errors found. Nothing has been saved.
perbaiki-berkas-lalu-unggah-lagi = Fix the file and upload it again.
baris-siap-diimpor = rows ready to import
level-2 = Level
indikator-satuan = Indicator / unit
impor-2 = Import
kode-2 = codes
unggah-berkas-lain = Upload another file

## admin/org_form.html
ubah-organisasi = Edit organisation
ubah-2 = Edit
tambah = Add
organisasi-ini-sudah-diubah-orang-lain = This organisation has been changed by someone else
sejak-anda-membukanya-isian-anda-belum = since you opened it; your entries have not been saved.
yang-tersimpan-sekarang = Currently saved:
isian-anda-tetap-di-formulir-periksa = Your entries are still in the form. Check them, then save again if you really want to replace it.
jenis = Type
pilih-jenis = — choose a type —
kode-singkat-mis-dinkes = Short code (e.g. dinkes)
wilayah-wajib-untuk-desa-kelurahan-dan = Region (required for villages/urban villages and districts)
seluruh-wilayah-pemda = — the whole region —
kecamatan = District
aktif-anggota-organisasi-nonaktif-kehilangan-perannya = Active (members of an inactive organisation lose their roles in it)

## admin/orgs.html
organisasi-2 = › Organisations
organisasi-3 = Organisations ·
buat-organisasi-kecamatan-dan-desa-kelurahan = Create district and village/urban village organisations from the region list
cari-nama-atau-kode = Search name or code
organisasi-4 = organisations
belum-ada-organisasi-mulailah-dengan-bappeda = No organisations yet. Start with Bappeda (regional planning agency) and the agencies.
tidak-ada-organisasi-yang-cocok-dengan = No organisations match this filter.
daftar-organisasi = Organisation list
wilayah = Region
anggota = Members
nonaktif = inactive

## admin/orgs_from_places.html
organisasi-dari-daftar-wilayah = Organisations from the region list
dari-daftar-wilayah = › From the region list
organisasi-kecamatan-dan-desa-kelurahan = District and village/urban village organisations ·
setiap-kecamatan-desa-dan-kelurahan-di = Every district, village and urban village in this region already has an organisation.
dari-daftar-wilayah-nasional-kepmendagri = According to the national region list (Kepmendagri),
kecamatan-desa-dan-kelurahan-belum-memiliki = districts, villages and urban villages do not have an organisation in Selaras yet. The following will be created all at once (recorded in the audit log); their operators can then be invited from the Users page.
buat = Create

## admin/roster.html
impor-organisasi-dan-pengguna = Import organisations and users
impor-organisasi-dan-pengguna-2 = Import organisations and users ·
pengguna-dibuat = users created
teruskan-tautan-undangan-berikut-kepada-masing = Pass each of the following invitation links to its person through a secure channel (if an email server is configured, people with an email address also receive it by email). Links are valid for 7 days, can be used once, and are shown only now.
nama-pengguna = Username
tautan-undangan = Invitation link
tautan = Link
ke-daftar-pengguna = Go to user list
satu-baris-per-organisasi-dan-bila = One row per organisation and, if filled in, per person joining it. Columns (header row exactly as shown):
jenis-organisasi-nama-organisasi-kode-wilayah = Jenis organisasi, Nama organisasi, Kode wilayah, Nama pengguna, Nama lengkap, Email, Peran
jenis-2 = . Types:
bappeda = bappeda
perangkat-daerah-2 = perangkat_daerah
desa = desa
kelurahan = kelurahan
lembaga-2 = lembaga
dprd = dprd
peran = . Roles:
admin-3 = admin
planner = planner
approver = approver
agency = agency
village = village
community = community
reviewer = reviewer
organisasi-yang-sudah-ada-nama-sama = . Existing organisations (same name) are used; missing ones are created. Each new person gets an invitation link to set their own password.
anda-akan-melihat-pratinjau-dan-setiap = You will see a preview and every faulty row before anything is saved. For all districts and villages/urban villages at once, use
organisasi-dari-daftar-wilayah-2 = organisations from the region list
organisasi-baru = new organisations
pengguna-baru-diundang = new users (invited)
organisasi-baru-2 = New organisations:
simpan-semuanya = Save everything

## admin/user_deactivate.html
nonaktifkan = Deactivate
tidak-akan-bisa-masuk-lagi-dan = will no longer be able to sign in, and all of its current sessions are ended immediately. Its data and history are kept, and the account can be reactivated at any time.
ya-nonaktifkan = Yes, deactivate

## admin/user_detail.html
akun-ini = This account is
pemiliknya-tidak-dapat-masuk = : its owner cannot sign in.
profil = Profile
data-ini-sudah-diubah-orang-lain = This data has been changed by someone else
sejak-anda-membukanya-sehingga-isian-anda = since you opened it, so your entries have not been saved.
nilai-yang-tersimpan-sekarang-nama = Currently saved values: name
email-2 = , email
kosong = (empty)
isian-anda-tetap-ada-di-formulir = Your entries are still in the form below. Check them, then save again if you really want to replace them.
keanggotaan = Memberships
belum-ada-keanggotaan-pengguna-ini-belum = No memberships yet: this user cannot do anything yet.
pengurus = manager
bukan-pengurus-lagi = Remove as manager
jadikan-pengurus = Make manager
hapus-keanggotaan = Remove membership
hapus = Delete
ini-akun-anda-sendiri-peran-dan = This is your own account: its roles and memberships can only be changed by another administrator.
pilih-organisasi = — choose an organisation —
peran-2 = Role
pilih-peran = — choose a role —
tambah-keanggotaan = Add membership
kata-sandi = Password
teruskan-kepada = . Pass it to
lewat-jalur-yang-aman-tautan-ini = through a secure channel; this link is shown only now.
bila-pengguna-lupa-kata-sandinya-buat = If the user has forgotten their password, create a reset link: they choose the new password themselves. Earlier links for this account stop working.
buat-tautan-atur-ulang-kata-sandi = Create password reset link
atau-tetapkan-kata-sandi-baru-sendiri = Or set a new password yourself; either way, all of this user's sessions are ended.
kata-sandi-baru-minimal-12-karakter = New password (at least 12 characters)
tetapkan-kata-sandi = Set password
verifikasi-dua-langkah = Two-step verification
aktif-sejak = Active since
ini-akun-anda-sendiri-verifikasinya-hanya = This is your own account: its verification can only be reset by another administrator.
atur-ulang-bila-pengguna-kehilangan-ponselnya = Reset it if the user has lost their phone and their recovery codes. All of their sessions are ended, and at their next sign-in they set up the authenticator app again.
ya-atur-ulang-verifikasi-dua-langkah = Yes, reset two-step verification
atur-ulang-verifikasi-dua-langkah = Reset two-step verification
belum-dipasang-administrator-pemberi-persetujuan-dan = Not set up. Administrators, approvers and planners are asked to set it up at their next sign-in.
status-akun = Account status
ini-akun-anda-sendiri-akun-anda = This is your own account; you cannot deactivate it.
menonaktifkan-akun-mengakhiri-semua-sesinya-dan = Deactivating an account ends all of its sessions and stops it from signing in. Its data is kept.
nonaktifkan-pengguna = Deactivate user…
aktifkan-kembali = Reactivate
riwayat-perubahan = Change history
belum-ada-perubahan-tercatat = No changes recorded yet.
oleh = by
sistem = system

## admin/user_new.html
tambah-2 = › Add
periksa-kembali-isian-yang-ditandai-demi = Please check the highlighted fields. For security, the password needs to be typed again.
email-boleh-kosong = Email (optional)
kata-sandi-awal-kosongkan-untuk-mengirim = Initial password (leave empty to send an invitation)
tanpa-kata-sandi-selaras-membuat-tautan = Without a password, Selaras creates a single-use invitation link valid for 7 days: the user chooses their own password (and staff set up two-step verification). The link is shown once, after the account is created, for you to pass on.
simpan-pengguna = Save user

## admin/users.html
pengguna-2 = › Users
pengguna-3 = Users ·
impor-organisasi-dan-pengguna-csv-xlsx = Import organisations and users (CSV/XLSX)
cari-nama-nama-pengguna-atau-organisasi = Search name, username or organisation
pengguna-4 = users
belum-ada-pengguna-di-wilayah-ini = No users in this region yet.
tidak-ada-pengguna-yang-cocok-dengan = No users match this filter.
daftar-pengguna = User list
organisasi-dan-peran = Organisations and roles
status = Status
belum-ada = none yet
aktif = Active
nonaktif-2 = Inactive

## alignment/remove.html
hapus-keterkaitan = Remove link
hapus-keterkaitan-ini = Remove this link?
tidak-lagi-mengacu = will no longer refer to
bila-tidak-ada-acuan-lain-item = If there is no other reference, this item will appear as not aligned in the Cek Keselarasan (alignment check). This action is recorded.
ya-hapus-keterkaitan = Yes, remove link

## alignment/unaligned.html
belum-selaras = Not aligned ·
belum-selaras-2 = › Not aligned
item-yang-belum-selaras-ke-atas = Items not yet aligned with the level above
setiap-item-di-bawah-ini-perlu = Each item below needs to refer to an item in the document above it (e.g. a programme in the RKPD (annual regional work plan) to a target or programme in the RPJMD (5-year regional plan)). Open the item, then choose its reference in the Alignment section.
cek-keselarasan-lengkap = Full Cek Keselarasan
semua-item-yang-perlu-acuan-sudah = All items that need a reference are aligned, or their reference document does not exist yet.
item-belum-selaras = items not aligned.
item = Item
perlu-mengacu = Must refer to
penanggung-jawab = Responsible agency

## api/docs.html
api-data-terbuka = Open data API
rencana-yang-telah-ditetapkan-beserta-item = Enacted plans with their items, indicators, targets, actuals and pagu (budget ceiling); Cek Keselarasan (alignment check) results; Musrenbang (development planning forum) proposals, public aspirations and pokir (DPRD members' proposals) with their history; and the region and nomenclature lists, in JSON. No account, no drafts, no personal names.
dokumen-openapi-3-1 = OpenAPI 3.1 document:
api-v1-openapi-json = /api/v1/openapi.json
daftar-dibagi-per-halaman-ikuti = Lists are split into pages: follow
next = next
atau-kirim = (or send
next-cursor = next_cursor
sebagai = as
cursor = ?cursor=
paling-banyak-500-baris-per-halaman = ), at most 500 rows per page with
limit = ?limit=
setiap-jawaban-membawa = Every response carries
etag = ETag
kirim-kembali-sebagai = ; send it back as
if-none-match = If-None-Match
untuk-jawaban-304-bila-tidak-berubah = to get a 304 response if nothing has changed.
dapat-dipanggil-dari-situs-mana-pun = Can be called from any site (CORS for GET). Each client may send 120 requests per minute; any more are answered with 429 and
retry-after = Retry-After
angka-uang-dan-ukuran-dikirim-sebagai = Money amounts and measurements are sent as decimal text (
agar-tidak-dibulatkan = ) so that they are not rounded.
contoh = Example:
api-v1-plans-region-33-71 = /api/v1/plans?region=33.71&kind=rkpd
alamat = Endpoints
get = GET
parameter = Parameters
letak = In
keterangan = Description
wajib = (required)
jawaban = Responses
isi = Body
skema = Schemas
salah-satu-dari = One of:
isian = Field
boleh-kosong = (optional)

## auth/code.html
kata-sandi-anda-benar-masukkan-kode = Your password is correct. Enter the six-digit code currently shown in your authenticator app.
kode-verifikasi = Verification code
lanjutkan = Continue
ponsel-anda-hilang-masukkan-salah-satu = Lost your phone? Enter one of the recovery codes you saved when you set up this verification, or ask your region's administrator to reset two-step verification for your account.
batal-dan-keluar = Cancel and sign out

## auth/enrol.html
pasang-verifikasi-dua-langkah = Set up two-step verification
akun-anda-dapat-mengubah-atau-menetapkan = Your account can change or enact plans, so signing in requires a code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, FreeOTP or Aegis) as well as your password.
di-aplikasi-autentikator-pilih-tambah-akun = In your authenticator app, choose add account, then scan this QR code.
kode-qr-untuk-aplikasi-autentikator = QR code for the authenticator app
tidak-dapat-memindai-ketik-kunci-ini = Can't scan it? Type this key into the app (type: time-based):
masukkan-kode-enam-angka-yang-kemudian = Enter the six-digit code that then appears in the app.
kode-dari-aplikasi = Code from the app
aktifkan = Turn on

## auth/forgot.html
lupa-kata-sandi = Forgotten password
bila-akun-itu-ada-dan-memiliki = If that account exists and has an email address, a password reset link has been sent to it. The link is valid for 30 minutes and can only be used once. Check your spam folder too.
tulis-nama-pengguna-atau-alamat-email = Enter the username or email address of your account. We will send a link for setting a new password to that account's email address.
nama-pengguna-atau-email = Username or email
kirim-tautan = Send link
akun-tanpa-alamat-email-minta-admin = Accounts without an email address: ask the Selaras admin at your region's Bappeda (regional planning agency) to create a reset link.
minta-admin-selaras-di-bappeda-daerah = Ask the Selaras admin at your region's Bappeda (regional planning agency) to create a
tautan-atur-ulang-kata-sandi = password reset link
untuk-akun-anda-di-halaman-akun = for your account (on your account page under Admin › Users). The link is valid for 24 hours and can only be used once; with it you set the new password yourself, so the admin never knows it.
bila-anda-staf-dengan-verifikasi-dua = If you are staff with two-step verification and have lost your phone, tell the admin as well so that the verification can be reset.
kembali-ke-halaman-masuk = Back to the sign-in page

## auth/link.html
konfirmasi-email = Confirm email
undangan-selaras = Selaras invitation
atur-ulang-kata-sandi = Reset password
akun-warga = Resident account
nama-pengguna-2 = (username
menunggu-konfirmasi-alamat-email-ini-tautan = ) is waiting for this email address to be confirmed. The link is valid until
konfirmasi-email-saya = Confirm my email
bila-anda-tidak-mendaftar-di-selaras = If you did not sign up for Selaras, ignore this page; an unconfirmed account cannot be used.
selamat-datang-di-selaras = Welcome to Selaras
akun-untuk = An account for
sudah-disiapkan = has been set up.
untuk-akun = For the account of
nama-pengguna-3 = Username:
tautan-ini-berlaku-sampai = . This link is valid until
dan-hanya-dapat-dipakai-sekali = and can only be used once.
ulangi-kata-sandi = Repeat password
staf-perencana-penyetuju-dan-admin-akan = Planning staff, approvers and admins will be asked to set up two-step verification when they first sign in.
tautan-tidak-berlaku = Invalid link
tautan-ini-sudah-dipakai-sudah-kedaluwarsa = This link has already been used, has expired or is not recognised. Ask the Selaras admin at your region's Bappeda (regional planning agency) to create a new link.
ke-halaman-masuk = Go to the sign-in page

## auth/login.html
masuk = Sign in
masuk-ke-selaras = Sign in to Selaras
lupa-kata-sandi-2 = Forgotten your password?
warga-yang-ingin-memberi-masukan-pada = Residents who want to give input in a public consultation or send a public aspiration:
daftar-akun-warga = sign up for a resident account

## auth/recovery.html
kode-pemulihan = Recovery codes
verifikasi-dua-langkah-aktif = Two-step verification is on
simpan-sepuluh-kode-pemulihan-ini-di = Keep these ten recovery codes somewhere safe (printed, or in a password manager). If you lose your phone, each code can be used once instead of a code from the app.
kode-ini-hanya-ditampilkan-sekarang = These codes are shown only now.
saya-sudah-menyimpannya-lanjutkan = I have saved them, continue

## auth/signup.html
daftar-akun-warga-2 = Sign up for a resident account
periksa-email-anda-di = Check your email at
kami-mengirim-tautan-konfirmasi-yang-berlaku = : we have sent a confirmation link that is valid for 48 hours. The account can be used once it is confirmed. Check your spam folder too.
pendaftaran-mandiri-memerlukan-email-konfirmasi-dan = Signing up yourself requires a confirmation email, and this Selaras server cannot send email yet. Contact the Selaras admin at your region's Bappeda (regional planning agency) to have an account created for you, or ask your institution (PKK, LPM, Karang Taruna …) to register you.
dengan-akun-warga-anda-dapat-memberi = With a resident account you can give input on draft plans that are in public consultation, send public aspirations and follow proposals. Staff of the regional government, villages and institutions receive their accounts from their region's admin.
nama-pengguna-untuk-masuk = Username (for signing in)
kabupaten-kota-tempat-tinggal = Regency/city where you live
pilih = Choose…
bergabung-dengan-lembaga = Join an institution
tidak-sekarang = Not now
pengurus-lembaga-atau-perencana-bappeda-menyetujui = The institution's officers or a Bappeda (regional planning agency) planner approve your request first.
daftar = Sign up
sudah-punya-akun = Already have an account?

## base.html
selaras = Selaras
selaras-2 = · Selaras
langsung-ke-isi = Skip to content
menu-utama = Main menu
menu = Menu
belum-dibaca = unread
menu-utama-di-ponsel = Main menu on mobile
selaras-perencanaan-pembangunan-daerah-yang-selaras = Selaras · aligned regional development planning, from vision to sub-activity. ·

## checks/page.html
cek-keselarasan = Cek Keselarasan ·
cek-keselarasan-2 = › Cek Keselarasan
cek-keselarasan-3 = Cek Keselarasan
galat-dan = errors and
peringatan = warnings.
unduh-xlsx = Download (.xlsx)
json = JSON
item-belum-selaras-2 = Items not yet aligned
ringkasan-per-aturan = Summary by rule
tidak-ada-temuan = No findings.
perbaiki = Fix

## comments/follow_up.html
tindak-lanjut-belum-tersimpan = Follow-up not saved
masukan-dari = Input from
status-tindak-lanjut = Follow-up status
pilih-status = — choose a status —
jawaban-dibaca-penulis-masukan = Response (read by the author of the input)
simpan-tindak-lanjut = Save follow-up
kembali-ke-komentar = Back to the comment

## comments/remove.html
hapus-komentar = Delete comment
hapus-komentar-ini = Delete this comment?
di-tempatnya-akan-tertulis-komentar-dihapus = In its place it will say “Comment deleted”. Replies stay visible. This action is logged and cannot be undone.
ya-hapus = Yes, delete

## comments/retry.html
komentar-belum-terkirim = Comment not sent
komentar-anda = Your comment
kirim-lagi = Send again
kembali-ke-rencana = Back to the plan

## consultation/list.html
konsultasi-publik = Public consultation
konsultasi-publik-yang-dibuka = Open public consultations
ikuti-lewat-feed-atom = Follow via Atom feed
konsultasi-publik-yang-dibuka-di-aplikasi = : open public consultations, in your feed reader app.
rancangan-rencana-pembangunan-yang-sedang-dibuka = Draft development plans currently open for public input. Anyone can read them; to give input, sign in with a resident or institution account.
saat-ini-tidak-ada-rancangan-yang = No drafts are in consultation at the moment.
berita-acara = Minutes

## consultation/minutes.html
berita-acara-konsultasi-publik = Public consultation minutes
berita-acara-2 = › Minutes
berita-acara-konsultasi-publik-2 = Minutes of the Public Consultation
pemerintah = Government of
konsultasi-publik-ditutup-pada = The public consultation closed on
tercatat = . It recorded
masukan-beserta-tindak-lanjutnya = inputs and their follow-up.
untuk-mencetak-atau-menyimpan-sebagai-pdf = To print or save as PDF, use your browser's print menu.
tidak-ada-masukan-publik-selama-konsultasi = No public input was received during the consultation.
no = No
tanggal = Date
dari-2 = From
bagian = Section
masukan = Input
tindak-lanjut = Follow-up
halaman-berita-acara = Minutes pages
sebelumnya = ‹ Previous
halaman = (page
berkas-xlsx-memuat-semuanya = ); the .xlsx file contains all of them.
berikutnya = Next ›
berita-acara-tersedia-setelah-konsultasi-publik = Minutes are available once the public consultation has closed.

## errors/error.html
kembali-ke-beranda = Back to home
kode-permintaan = Request ID:

## errors/refused_form.html
isian-belum-terkirim = Form not sent
isian-yang-ditandai-berisi-karakter-kontrol = The marked fields contained control characters (e.g. NUL) that cannot be saved, usually carried over when copying text. We have removed them below; check the content, then send again.
isi-lagi = (fill in again)
berisi-karakter-yang-tidak-diizinkan-ketik = Contains characters that are not allowed; type it again.
karakter-kontrol-di-isian-ini-sudah = Control characters in this field have been removed; check it, then send again.

## home.html
beranda = Home
selamat-datang = Welcome,
wilayah-2 = Region:
nama-pengguna-4 = · Username:
organisasi-dan-peran-anda = Your organisations and roles
akun-anda-belum-memiliki-keanggotaan-di = Your account is not yet a member of any organisation. Ask the Selaras admin at Bappeda (regional planning agency) to add your organisation and role.
yang-dapat-anda-lakukan-sekarang = What you can do now

## inbox.html
kotak-masuk = Inbox
belum-ada-pemberitahuan-anda-akan-diberi = No notifications yet. You will be notified about comments on your work, replies, follow-up on your input, plan stage changes and approvals waiting for you.
tandai-semua-sudah-dibaca = Mark all as read
halaman-kotak-masuk = Inbox pages
terbaru = Newest
lebih-lama = Older

## kerja_sama/list.html
kerja-sama-daerah = Kerja sama daerah
kerja-sama-dengan-daerah-lain-ksdd = Kerja sama (inter-regional cooperation) with other regions (KSDD) and with third parties (KSDPK, KSDPL), from identification to completion, together with the plan items and pagu (budget ceiling) that carry it in each partner region.
catat-kerja-sama-baru = Record new kerja sama
cari-judul-objek-urusan-atau-mitra = Search title, subject, government affair or partner
kerja-sama = kerja sama
belum-ada-kerja-sama-yang-tercatat = No kerja sama (inter-regional cooperation) recorded yet.
tidak-ada-kerja-sama-yang-cocok = No kerja sama (inter-regional cooperation) matches this filter.
kerja-sama-2 = Kerja sama
mitra = Partners
tahun = Year

## kerja_sama/new.html
ubah-kerja-sama = Edit kerja sama
catat-kerja-sama = Record kerja sama
catat-baru = Record new
ubah-kerja-sama-daerah = Edit kerja sama daerah (inter-regional cooperation)
catat-kerja-sama-daerah = Record kerja sama daerah (inter-regional cooperation)
periksa-kembali-isian-yang-ditandai-isian-2 = Please check the marked fields. Your entries have not been lost.
judul-kerja-sama = Kerja sama title
urusan-pemerintahan = Government affair
objek-kerja-sama = Kerja sama subject
daerah-mitra-pilih-satu-atau-lebih = Partner regions (choose one or more; leave empty if only third parties are involved)
pihak-ketiga-satu-per-baris = Third parties (one per line)
tahun-mulai = Start year
tahun-selesai = End year

## kerja_sama/show.html
kerja-sama-daerah-2 = · Kerja sama daerah
dicatat-oleh = Recorded by
urusan = Government affair
ubah-data-kerja-sama = Edit kerja sama details
peta-daerah-yang-bekerja-sama = Map of the cooperating regions
lanjutkan-ke = Move on to
kembalikan-ke = Return to
tahapan-waktu = Timeline
belum-ada-tahapan = No milestones yet.
selesai = done
tandai-belum-selesai = Mark as not done
tandai-selesai = Mark as done
tambah-tahapan = Add milestone
tanggal-target = Target date
tahapan = Stage
item-rencana-dan-pagu-yang-memuatnya = Plan items and pagu (budget ceiling) that carry it
belum-ada-pagu-untuk-tahun = No pagu (budget ceiling) yet for
kerja-sama-yang-direncanakan-perlu-item = A planned kerja sama (inter-regional cooperation) needs items with a pagu (budget ceiling) in each of its years (Cek Keselarasan K13).
belum-ada-item-rencana-yang-terkait = No plan items linked yet.
dokumen = Document
pagu = Pagu
tindakan = Actions
lepaskan = Unlink
wilayah-anda-belum-memiliki-rkpd-renja = Your region has no RKPD (annual regional work plan), Renja (agency work plan), RPJMD (5-year regional plan) or Renstra (agency strategic plan) in the years of this kerja sama (inter-regional cooperation).
kaitkan-item-rencana-wilayah-anda = Link a plan item from your region
item-belum-dikaitkan-periksa-isian-yang = Item not linked; check the marked fields.
dokumen-rencana = Plan document
kode-program-kegiatan-sub-kegiatan = Programme/activity/sub-activity code
kaitkan = Link

## kerja_sama/unlink.html
lepas-item-dari-kerja-sama = Unlink item from kerja sama (inter-regional cooperation)
lepaskan-item-ini-dari-kerja-sama = Unlink this item from the kerja sama (inter-regional cooperation)?
tidak-lagi-tercatat-memuat-kerja-sama = It will no longer be recorded as carrying the kerja sama (inter-regional cooperation) “
pagunya-tidak-berubah-bila-tidak-ada = ”. Its pagu (budget ceiling) does not change. If no other item with a pagu remains, Cek Keselarasan (K13) will flag this kerja sama. This action is logged.
ya-lepaskan = Yes, unlink

## landing.html
rencana-pembangunan-daerah-disusun-bersama-dan = Regional development plans, drafted together and aligned
selaras-mempertemukan-bappeda-perangkat-daerah-desa = Selaras brings Bappeda (regional planning agency), agencies, villages and urban villages, community institutions, DPRD (regional legislature) and residents together in one place to draft, discuss, align and enact the RPJPD (20-year regional plan), RPJMD (5-year regional plan), Renstra (agency strategic plan), RKPD (annual regional work plan), Renja (agency work plan), RPJMDes (village medium-term plan) and RKPDes (village annual work plan).
daftar-sebagai-warga = Sign up as a resident
satu-rencana-satu-naskah = One plan, one text
semua-pihak-membaca-dan-memberi-masukan = Everyone reads and gives input on the same text, not on files sent back and forth.
dari-visi-ke-sub-kegiatan = From vision to sub-activity
visi-misi-tujuan-sasaran-program-kegiatan = Vision, mission, goals, objectives, programmes, activities and sub-activities form a single performance tree with indicators, targets and pagu (budget ceiling).
usulan-yang-dapat-dilacak = Traceable proposals
setiap-usulan-musrenbang-dan-pokir-dapat = Every Musrenbang (development planning forum) proposal and every pokir (DPRD members' proposals) can be tracked by its number all the way to the sub-activity and pagu (budget ceiling) that take it up.

## maps/pagu.html
peta-pagu = Pagu map
rencana = Plans
peta-pagu-2 = › Pagu map
ke-mana-anggarannya = Where the money goes:
pagu-sub-kegiatan-tahun = Sub-activity pagu (budget ceiling) for
per = per
menurut-lokasinya-sub-kegiatan-yang-berlokasi = by location. Sub-activities located in several places are split equally among their locations.
per-kecamatan = per district
per-desa-kelurahan = per village/urban village
tampilkan = Show
jumlah-pagu = Total pagu
belum-ada-sub-kegiatan-berpagu-tahun = No sub-activities with a pagu (budget ceiling) for
yang-lokasinya-di-peta-ini = are located on this map yet.
tanpa-lokasi-di-peta-ini = Not located on this map:
sub-kegiatan-tanpa-lokasi-berlokasi-di = Sub-activities without a specific location, located across all of
atau-di-satu-kecamatan = or in a single district

## maps/proposals.html
peta-usulan = Proposal map
usulan = Proposals
peta = › Map
jumlah-usulan-per = Number of proposals per
desa-kelurahan = village/urban village
kecamatan-2 = district
dengan-saringan-di-bawah-titik-menandai = with the filters below; dots mark proposals that include coordinates. Click a region to see its list of proposals.
sumber = Source
bidang-urusan-kode = Government affairs field (code)
usulan-2 = proposals,
lebih-dari = more than
dengan-titik-koordinat = with coordinates (
pertama-digambar = drawn first)
dengan-titik-koordinat-2 = with coordinates
daftar-usulan-dengan-saringan-ini = list of proposals with these filters
desa-kelurahan-2 = Village/urban village
belum-ada-usulan-di-wilayah-mana = No proposals in any region yet.
pilih-kabupaten-kota = Choose a regency/city:

## maps/province.html
rkpd = RKPD
kabupaten-kota-di = for the regencies/cities in
jumlah-temuan-k11-prioritas-yang-tidak = Number of K11 findings per regency/city: priorities that do not refer to a priority of the provincial RKPD (annual regional work plan).
tahap-rkpd = Stage of the RKPD
setiap-kabupaten-kota = in each regency/city.
rancangan-yang-belum-dibuka-untuk-umum = For drafts not yet open to the public, only their existence is shown.
warna = Colour
tahap-rkpd-2 = RKPD stage
temuan-k11 = K11 findings
per-kabupaten-kota = per regency/city
kabupaten-kota = Regency/city
temuan-k11-2 = K11 findings

## meetings/list.html
musyawarah = Meetings
musrenbang-di-setiap-tingkat-forum-perangkat = Musrenbang (development planning forum) at every level, agency forums and the Partnership Forum: time, place, agenda, attendance list, decisions on proposals and the minutes.
catat-musyawarah = Record a meeting
belum-ada-musyawarah-yang-dicatat = No meetings recorded yet.
daftar-musyawarah = List of meetings
penyelenggara = Organiser

## meetings/new.html
baru = › New
pilih-2 = — choose —
nama-musyawarah = Meeting name
tempat = Venue
agenda = Agenda
organisasi-yang-diundang = Invited organisations

## meetings/print.html
cetak = Print
kembali-ke-halaman-musyawarah = ‹ Back to the meeting page
untuk-mencetak-atau-menyimpan-sebagai-pdf-2 = To print or save as PDF, use your browser's print menu (Ctrl+P).
berita-acara-3 = Minutes of
daftar-hadir = Attendance (
orang = people)
mewakili = Representing
tanda-tangan = Signature
orang-2 = people
keputusan-atas-usulan = Decisions on proposals
tidak-ada-keputusan-atas-usulan = No decisions on proposals.
notulen = Notes

## meetings/show.html
cetak-berita-acara = Print minutes
berita-acara-xlsx = Minutes (.xlsx)
diundang = Invited
tidak-ada-undangan-yang-dicatat = No invitations recorded.
belum-ada-peserta-yang-dicatat = No attendees recorded yet.
nama-peserta = Attendee name
belum-ada-keputusan-yang-dicatat-di = No decisions have been recorded at this meeting yet.
usulan-yang-dibahas = Proposals discussed
catatan-wajib-bila-menolak = Note (required when rejecting)
catat = Record
notulen-dibaca-semua-orang = Notes (visible to everyone)
simpan-notulen = Save notes
notulen-belum-ditulis = No notes have been written yet.

## partials/comments.html
komentar-dan-masukan = Comments and feedback
berhenti-mengikuti = Unfollow
ikuti = Follow
anda-menerima-pemberitahuan-komentar-dan-perpindahan = You receive notifications of comments and stage changes.
terima-pemberitahuan-komentar-dan-perubahan-tahap = Get notifications of comments and stage changes in your inbox.
belum-ada-komentar = No comments yet.
diubah = (edited)
publik = public
internal = internal
pada = · on
tentang-bagian-rencana-yang-telah-dihapus = about a part of the plan that has since been deleted
komentar-dihapus = Comment removed
oleh-moderator = by a moderator
tindak-lanjut-2 = Follow-up:
ubah-komentar-15-menit-setelah-dikirim = Edit comment (up to 15 minutes after posting)
balas = Reply
balasan = Your reply
kirim-balasan = Send reply
jawaban-untuk-penulis = Answer to the author
hapus-2 = Delete…
halaman-komentar = Comment pages
komentar-sebelumnya = ‹ Previous comments
halaman-2 = Page
komentar-berikutnya = Next comments ›
tentang = About
rencana-secara-umum = The plan in general
masukan-anda-publik-dapat-dibaca-siapa = Your feedback (public: anyone can read it)
catatan-internal-staf-pemerintah-daerah-dan = Internal note: for regional government staff and the DPRD (regional legislature)
kirim = Send
masuk-untuk-memberi-masukan = Sign in to give feedback

## partials/menu.html
cari-rencana-item-indikator-usulan = Search plans, items, indicators, proposals
cari = Search…
konsultasi = Consultations
profil-saya-2 = My profile (
keluar = Sign out

## plans/ceilings.html
pagu-indikatif-perangkat-daerah = Indicative pagu (budget ceiling) per agency ·
pagu-indikatif-perangkat-daerah-2 = › Indicative pagu per agency
pagu-indikatif-perangkat-daerah-3 = Indicative pagu (budget ceiling) per agency
jumlah-pagu-sub-kegiatan-tiap-perangkat = The total pagu (budget ceiling) of each agency's sub-activities must not exceed its indicative pagu; Cek Keselarasan (the plan alignment check) reports this as K08. Leave blank if it has not been set yet.
periksa-kembali-nilai-yang-ditandai-belum = Check the marked values again; nothing has been saved yet.
pagu-indikatif-ini-baru-saja-diubah = Someone else has just changed this indicative pagu (budget ceiling), so your entries have not been saved. Your entries are still in the fields; the value now saved is shown below each field that changed. Check, then save again.
belum-ada-perangkat-daerah-di-wilayah = There are no agencies in this region yet.
pagu-indikatif = Indicative pagu
mis-25-000-000-000 = e.g. 25.000.000.000
tersimpan-sekarang-oleh-orang-lain = Now saved (by someone else):
sub-kegiatan-3 = Sub-activities:
melebihi-pagu = exceeds the pagu
simpan-pagu-indikatif = Save indicative pagu

## plans/changes.html
perubahan = Changes ·
perubahan-2 = › Changes
perubahan-terhadap = Changes to
rkpd-awal = the original RKPD
belum-ada-perubahan-setiap-perubahan-pada = No changes yet. Every change to the RKPD Perubahan (amended annual regional work plan) is recorded here with its reason.
cari-yang-diubah-alasan-atau-pengubah = Search by what changed, reason or who changed it
perubahan-3 = changes
tidak-ada-perubahan-yang-cocok-dengan = No changes match this filter.
waktu = Time
yang-diubah = What changed
sebelum = Before
sesudah = After
alasan = Reason

## plans/chart.svg
grafik = Chart
kondisi-awal = Baseline
rentang-target = Target range
target = Target
realisasi = Actual

## plans/compare.html
perbandingan = Comparison ·
versi = Versions
perbandingan-2 = › Comparison
perbandingan-3 = Comparison
ke = to
teks-tambahan = Added text
dan = and
teks-yang-dihapus = deleted text
ditandai = are highlighted.
tidak-ada-perbedaan = No differences.
tandai-sudah-dibaca = Mark as read
item-baru = New items
item-dihapus = Deleted items
yang-berubah = What changed
semula = Before
menjadi = After

## plans/import.html
impor-target-dan-pagu = Import targets and pagu (budget ceilings) ·
impor-target-dan-pagu-2 = › Import targets and pagu
impor-target-dan-pagu-3 = Import targets and pagu (budget ceilings)
n-1-unduh-lembar-kerja = 1. Download the worksheet
lembar-kerja-berisi-satu-baris-untuk = The worksheet has one row for each year of an indicator's target and each year of pagu (budget ceiling), complete with its key and version. Edit the columns
target-maks = Target maks
di-excel-atau-libreoffice-jangan-ubah = in Excel or LibreOffice; do not change the Kunci baris (row key) and Versi (version) columns.
unduh-lembar-target-dan-pagu-xlsx = Download the targets and pagu worksheet (.xlsx)
n-2-unggah-kembali = 2. Upload it again
anda-akan-melihat-setiap-perubahan-lama = You will see every change (old → new), every incorrect row with its row number, and any rows changed in Selaras since the sheet was downloaded. Nothing is saved until you apply it.
berkas-xlsx-paling-besar-4-mb = File (.xlsx, at most 4 MB)
berkas = File
diunggah = , uploaded
diterapkan = Applied
nilai-diubah = values changed.
konflik-diubah-di-selaras-sejak-diunduh = conflicts (changed in Selaras since the download; not applied)
baris-tidak-berubah = rows unchanged
isi-berkas-ini-sama-dengan-rencana = This file's contents match the plan
kecuali-konflik-di-bawah = , except for the conflicts below
tidak-ada-yang-perlu-diterapkan = : there is nothing to apply.
baris-yang-salah = Rows with errors
perbaiki-baris-berikut-di-lembar-kerja = Fix the following rows in the worksheet, then upload it again. While any row still has errors, nothing is applied.
perubahan-yang-diterapkan = Changes applied
perubahan-4 = Changes
lama = Old
baru-2 = New
konflik = Conflicts
isian-ini-diubah-di-selaras-setelah = This entry was changed in Selaras after the worksheet was downloaded, and the file gives a different value. The value in Selaras is kept; download a new sheet if you want to change it.
di-selaras = In Selaras
di-berkas = In the file
alasan-perubahan-rkpd-perubahan = Reason for the change (RKPD Perubahan: amended annual regional work plan)
terapkan = Apply

## plans/indicator.html
indikator-2 = › Indicator
polaritas = Polarity
sumber-data = Data source
kondisi-awal-target-dan-realisasi = Baseline, targets and actuals
perlu-diperiksa = Needs checking:
target-2 = Target (
ubah-indikator = Edit indicator
indikator-ini-sudah-diubah-orang-lain = Someone else has changed this indicator
sejak-anda-membukanya-sehingga-isian-anda-2 = since you opened it, so your entries have not been saved. The values now saved are shown in the table and chart above; your entries are still in this form. Check, then save again.
periksa-kembali-isian-yang-ditandai = Check the marked entries again.
samakan-target-dengan-dokumen-acuan = Match targets to the reference document
target-tiap-tahun-diganti-dengan-kolom = Each year's target is replaced by the "Reference document target" column below; actuals stay as they are.
simpan-indikator = Save indicator
hapus-indikator-ini = Delete this indicator
catat-realisasi = Record actuals
rencana-ini-sudah-ditetapkan-target-tidak = This plan has been enacted: targets no longer change, and each year's actual is recorded here (
desimal-dengan-koma-mis-4-13 = ; use a comma for decimals, e.g. 4,13).
indikator-ini-sudah-diubah-orang-lain-2 = Someone else has changed this indicator since you opened it, so your entries have not been saved. The saved values are shown in the table above; your entries are still in this form. Check, then save again.
simpan-realisasi = Save actuals

## plans/indicator_fields.html
nama-indikator = Indicator name
definisi-operasional = Operational definition
kondisi-awal-mis-14-2 = Baseline (e.g. 14,2)
tahun-kondisi-awal = Baseline year
target-dan-realisasi-per-tahun-untuk = Targets and actuals per year (for range polarity, also fill in the upper bound)
kosongkan-kolom-suatu-tahun-untuk-menghapus = Clear a year's field to delete that year's target or actual.
target-atau-batas-bawah = Target (or lower bound)
batas-atas-rentang = Upper bound (range)
target-dokumen-acuan = Reference document target
batas-atas = Upper bound
kondisi-akhir-target-akhir-periode = End condition (end-of-period target)
kondisi-akhir-batas-atas-rentang = End condition, upper bound (range)
alasan-perubahan = Reason for change

## plans/indicator_new.html
indikator-baru = New indicator
indikator-baru-2 = › New indicator

## plans/item.html
lokasi = Location
sumber-dana = Funding source
waktu-pelaksanaan = Implementation period
prioritas = Priorities
peta-lokasi = Location map
peta-pagu-seluruh = Pagu map for the whole
indikator-dan-target = Indicators and targets
belum-ada-indikator = No indicators yet.
setiap-tujuan-sasaran-program-kegiatan-dan = Every goal, objective, programme, activity and sub-activity needs at least one indicator.
tambah-indikator = Add indicator
prakiraan-maju = (forward estimate)
mis-1-250-000-000 = e.g. 1.250.000.000
sekarang = Now:
alasan-perubahan-pagu = Reason for the pagu (budget ceiling) change
simpan-pagu = Save pagu
keselarasan-dan-keterkaitan = Alignment and links
belum-ada-2 = There is no
yang-mencakup-tahun = covering the year
untuk-diacu = to refer to.
selaras-ke-atas-dengan = Aligned upwards with
belum-selaras-3 = Not yet aligned: this
ini-perlu-mengacu = needs to refer to
item-ini-belum-terhubung-dengan-dokumen = This item is not yet linked to any other document.
mengacu-ke-atas = Refers upwards to
dijabarkan-atau-diacu-di = Elaborated in or referred to by
memuat-kerja-sama-daerah = Carries kerja sama daerah (inter-regional cooperation)
cari-acuan-awal-kode-atau-kata = Search references (start of the code or a word in the name)
cari-2 = Search
hanya-sebagian-yang-ditampilkan-persempit-dengan = Only some results are shown; narrow them down with a search.
tidak-ada-yang-cocok-dengan = Nothing matches “
selaraskan-dengan = Align with
tambahkan-keterkaitan = Add link
rincian-di-bawahnya = Items under it
belum-ada-rincian = No items under it yet.
belum-ditambahkan-periksa-isian-yang-ditandai = not added yet: check the marked entries. Your entries have not been lost.
kode-nomenklatur = Nomenclature code
diawali-kode-induknya = starts with its parent's code
perangkat-daerah-penanggung-jawab = Responsible agency
uraian = Description
kosongkan-untuk-memakai-nama-nomenklatur = (leave blank to use the nomenclature name)
ini = item
beserta-rinciannya = with everything under it
item-ini-sudah-diubah-orang-lain = Someone else has changed this item
tersimpan-sekarang = Currently saved
isian-anda = Your entry
induk = Parent
strategi-dan-arah-kebijakan = (strategy and policy direction)
lokasi-pilih-satu-atau-lebih = Location (choose one or more)
bulan-awal = Start month
bulan-akhir = End month
mendukung-program-kabupaten-kota = Supports a regency/city programme
tidak-terkait = — not linked —
simpan-perubahan = Save changes

## plans/list.html
dokumen-rencana-yang-dipublikasikan = Published plan documents
dokumen-rencana-yang-dipublikasikan-di-aplikasi = : published plan documents, in your feed reader app.
buat-dokumen-rencana = Create plan document
cari-judul-wilayah-atau-pemilik = Search by title, region or owner
dokumen-2 = documents
data-terbuka-csv = Open data (.csv)
belum-ada-dokumen-rencana = No plan documents yet
di-wilayah-ini = in this region
mulailah-dengan-rpjpd-lalu-rpjmd-yang = Start with the RPJPD (20-year regional plan), then the RPJMD (5-year regional plan) that refers to it.
tidak-ada-dokumen-yang-cocok-dengan = No documents match this filter.
item-2 = items

## plans/new.html
dokumen-rencana-baru = New plan document
jenis-dokumen = Document type
judul = Title
tahun-awal = Start year
tahun-akhir-dokumen-tahunan-kosongkan = End year (annual documents: leave blank)
rpjmd-dan-renstra-lima-tahun-rencana = RPJMD (5-year regional plan) and Renstra (agency strategic plan): five plan years (a transitional RPD: three or four). A period written with its base year, e.g. 2025–2030, is accepted: the first year becomes the base year and the plan years are 2026–2030.
pemilik-renstra-renja-perangkat-daerah-rpjmdes = Owner: an agency for a Renstra (agency strategic plan) or Renja (agency work plan); a village for an RPJMDes (village medium-term plan) or RKPDes (village annual work plan)
pemerintah-daerah = — regional government —
dokumen-induk-rpjmd-rpjpd-rkpd-rpjmd = Parent document: RPJMD (5-year regional plan) → RPJPD (20-year regional plan), RKPD (annual regional work plan) → RPJMD, Renja (agency work plan) → Renstra (agency strategic plan), …
tanpa-induk-rpjpd = — no parent (RPJPD) —
rkpd-salin-program-dari-rpjmd-induk = RKPD (annual regional work plan): copy programmes from the parent RPJMD (5-year regional plan), with their indicators, targets and this year's pagu (budget ceiling)
mengacu-rkpd-untuk-renja-dan-rkpdes = Refers to the RKPD (annual regional work plan), for a Renja (agency work plan) or RKPDes (village annual work plan)
acuan-dokumen-provinsi-rpjpd-rpjmd-rkpd = Provincial reference document: RPJPD (20-year regional plan), RPJMD (5-year regional plan) or RKPD (annual regional work plan)
buat-dokumen = Create document

## plans/print.html
rancangan = (draft)
kembali-ke-halaman-rencana = ‹ Back to the plan page
untuk-mencetak-atau-menyimpan-sebagai-pdf-3 = To print or save as PDF, use your browser's print menu (Ctrl+P). Annex tables print in landscape.
unduh-tabel-xlsx = Download tables (.xlsx)
rancangan-2 = DRAFT
periode = Period
tahap = Stage
sejak = since
dicetak = Printed
dari-selaras = from Selaras
daftar-isi = Contents
lampiran = Annex:
rancangan-3 = · DRAFT
belum-ada-isian-pada-tabel-ini = This table has no entries yet.

## plans/remove.html
hapus-3 = › Delete
yang-ikut-terhapus = Also deleted with it:
belum-dapat-dihapus = Cannot be deleted yet
karena = , because:
versi-yang-sudah-dibekukan-pada-setiap = Versions frozen at each stage change keep their contents.

## plans/section_form.html
bab = Chapter ·
bab-2 = › Chapter
ubah-bab = Edit chapter
bab-baru = New chapter
bab-ini-sudah-diubah-orang-lain = Someone else has changed this chapter
versi-yang-tersimpan-sekarang = The version saved now:
tersimpan = Saved:
isian-anda-2 = Your entry:
isian-anda-tetap-di-formulir-gabungkan = Your entries are still in the form. Merge them if needed, then save again.
judul-bab = Chapter title
isi-markdown = Content (Markdown)
hapus-bab-ini = Delete this chapter

## plans/show.html
hanya-dapat-dibaca = · read-only
pemilik = Owner
dokumen-induk = Parent document
mengacu-rkpd = Refers to RKPD
acuan-provinsi = Provincial reference
dokumen-3 = Document:
cetak-seluruh-dokumen = Print the whole document
tabel-lampiran-permendagri-86-2017-xlsx = Appendix tables per Permendagri 86/2017 (.xlsx)
sipd = · SIPD:
baris-sub-kegiatan-xlsx = sub-activity rows (.xlsx)
csv = .csv
target-dan-pagu-xlsx = Targets and pagu (.xlsx)
isi-dari-lembar-kerja-xlsx = Fill from a spreadsheet (.xlsx)
hapus-rencana-ini = Delete this plan
ubah-acuan-provinsi = Change provincial reference
tetapkan-acuan-provinsi = Set provincial reference
provinsi-yang-diacu-dipakai-cek-keselarasan = of the referenced province, used by Cek Keselarasan (alignment check) K11
tidak-ada = — none —
simpan-acuan = Save reference
konsultasi-publik-2 = Public consultation.
beri-masukan = Give feedback
ada-perubahan = There are changes
sejak-anda-terakhir-menandai-rencana-ini = since you last marked this plan as read (
lihat-perubahan = See the changes
tidak-ada-perubahan-sejak-anda-terakhir = No changes since you last marked this plan as read (
tandai-rencana-ini-sebagai-sudah-dibaca = Mark this plan as read; your next visit will show what has changed.
daftar-perubahan-terhadap-rkpd-awal = List of changes to the original RKPD
pohon-kinerja-dan-pagu = Performance tree and pagu
tambah-bab = Add a chapter
isi-markdown-tebal-miring-daftar-dengan = Content (Markdown: **bold**, _italic_, lists with a leading -)
simpan-bab = Save chapter
usulan-desa-yang-diakomodir-kabupaten-kota = Village proposals accepted by the regency/city
tampilan = View:
pohon = Tree
tabel = Table
peta-pagu-per-wilayah = Map of pagu by region
peta-rkpd-kabupaten-kota = Map of regency/city RKPDs
ubah-target-dan-pagu-banyak-baris = (edit targets and pagu for many rows at once)
belum-ada-item-dalam-pohon-kinerja = This plan's performance tree has no items yet.
pilih-rincian-untuk-membuka-atau-menutup = Select “sub-items” to expand or collapse a branch. Pagu (budget ceiling):
belum-ditambahkan-periksa-isian-yang-ditandai-2 = Not added yet: check the highlighted fields. Your entries have not been lost.

## plans/stage_panel.html
rencana-ini-telah-ditetapkan-hanya-dapat = This plan has been enacted: it is read-only and open to the public.
lanjutkan-ke-tahap = Move on to stage
catatan-dicatat-bersama-perpindahan-tahap = Note (recorded with the stage change)
catatan-penetapan-mis-nomor-perda-perkada = Enactment note (e.g. Perda/Perkada number)
setujui-dan-tetapkan = Approve and enact
kembalikan-ke-tahap = Return to stage
alasan-pengembalian = Reason for returning
jadwal = Schedule
s-d = to
atur-jadwal-tahap = Set a stage schedule
dibuka = Opens
ditutup-hari-terakhir = Closes (last day)
simpan-jadwal = Save schedule
riwayat-tahapan = Stage history
versi-dan-perbandingan = Versions and comparison
belum-selaras-4 = Not yet aligned

## plans/structure_import.html
isi-dari-lembar-kerja = Fill from a spreadsheet ·
isi-dari-lembar-kerja-2 = › Fill from a spreadsheet
isi-rencana-dari-lembar-kerja = Fill the plan from a spreadsheet
rencana-ini-sudah-berisi = This plan already contains
item-lembar-kerja-hanya-dapat-dimasukkan = items. A spreadsheet can only be loaded into a plan that is still empty; to change targets and pagu (budget ceilings), use
lembar-struktur = The "Struktur" sheet
satu-baris-per-item-dengan-kolom = One row per item, with the columns
no-item-induknya = (the No of its parent item),
tingkat = Level
dari-tingkat-teratas-ke-bawah = : from the top level down),
wajib-untuk-program-kegiatan-dan-sub = (required for programmes, activities and sub-activities),
perangkat-daerah-lokasi-kode-wilayah-sumber = , agency, location (region code), funding source, priority and pagu (budget ceiling) per year; below it, one row per indicator (Level "Indikator") with unit, polarity, baseline and end-of-period values, and a target per year.
contoh-isian-lembar-kerja-tabel-lampiran = Example: the appendix tables spreadsheet of any plan in Selaras (the "Appendix tables … (.xlsx)" link on the plan page) contains a Struktur sheet; a spreadsheet from another plan of the same kind can be uploaded here as it is.
dimasukkan = Loaded
item-3 = items.
buka-rencana = Open the plan
yang-akan-dibuat = What will be created
tidak-ada-item-yang-terbaca-tanpa = No items could be read without errors.
indikator-3 = indicators
daftar-item = List of items (
baris-yang-salah-2 = Rows with errors (
perbaiki-baris-berikut-lalu-unggah-lagi = Fix the following rows, then upload again. Nothing is created while any row still has errors.
semua-item-indikator-target-dan-pagu = All the items, indicators, targets and pagu (budget ceilings) above are created at once and recorded in the audit log.
masukkan = Load
item-ke-rencana = items into the plan

## plans/table.html
tabel-2 = Table ·
tabel-3 = › Table
baris-2 = rows
tersaring = (filtered;
target-3 = . Targets
pagu-2 = ; pagu
ubah-angka-di-kolom-yang-berbingkai = Change the figures in the outlined columns, then save once for all of them; you cannot change the other rows.
tidak-ada-item = No items
yang-cocok-dengan-saringan-ini = match this filter
dalam-rencana-ini = in this plan
dengan-papan-ketik-panah-atas-bawah = With the keyboard: the up/down arrows or Enter move to the cell below or above in the same column; the Save button saves everything.
pagu-rp = Pagu (Rp)
baris-berikut-diubah-orang-lain-sejak = Someone else changed the following row after this page was opened; its latest values are shown. What you entered:
simpan-semua-perubahan = Save all changes

## plans/tree.html
rincian = sub-items

## plans/versions.html
versi-2 = Versions ·
versi-3 = › Versions
setiap-perpindahan-tahap-membekukan-salinan-utuh = Every stage change freezes a full copy of the plan: chapters, performance tree, indicators, targets and pagu (budget ceilings). Copies cannot be changed.
belum-ada-versi-salinan-pertama-dibuat = No versions yet: the first copy is made when the plan moves to another stage.
bandingkan = Compare
hari-ini = Today
ke-2 = To
daftar-versi = List of versions
bandingkan-dengan-hari-ini = compare with today

## proposals/calendar.html
jadwal-musrenbang-rkpd = Musrenbang schedule for RKPD
jadwal-musrenbang = › Musrenbang schedule
di-luar-jadwalnya-setiap-tingkat-tidak = Outside its schedule, a level cannot send or forward proposals. Levels without a schedule are always open. A reminder is sent three days before a schedule closes.
tahun-rkpd = RKPD year
jadwal-disimpan = Schedule saved.
pilih-wilayah-buka-halaman-ini-dari = Choose a region: open this page from the proposal list of a regency/city.
periksa-kembali-tanggal-yang-ditandai-isian = Check the highlighted dates again. Your entries have not been lost.
jadwal-per-tingkat-kosongkan-kedua-tanggal = Schedule per level (leave both dates empty for no schedule)
ditutup = Closes
dibuka-2 = opens
ditutup-2 = closes
jadwal-per-tingkat = Schedule per level
tanpa-jadwal-terbuka = no schedule (open)

## proposals/comment_remove.html
hapus-komentar-2 = › Delete comment
di-tempatnya-akan-tertulis-komentar-dihapus-2 = In its place it will say “Comment deleted”
beserta-alasannya = together with the reason
tindakan-ini-tercatat-dan-tidak-dapat = . This action is recorded and cannot be undone.
alasan-dibaca-semua-orang = Reason (visible to everyone)
mis-memuat-data-pribadi-warga = e.g. contains a resident's personal data

## proposals/file_remove.html
hapus-lampiran = Delete attachment
hapus-lampiran-2 = › Delete attachment
hapus-lampiran-ini = Delete this attachment?
berkasnya-dihapus-dari-halaman-usulan-dan = The file is removed from the proposal page and from the server; the deletion is recorded and cannot be undone.

## proposals/list.html
keputusan-atas-usulan-di-aplikasi-pembaca = : decisions on proposals, in your feed reader app.
setiap-usulan-musrenbang-aspirasi-pokir-dprd = Every Musrenbang (development planning forum) proposal, public aspiration, pokir (DPRD members' proposals) and agency proposal can be followed by its number to the sub-activity and pagu (budget ceiling) that take it in, or to the reason it was rejected.
ajukan-usulan = Submit a proposal
usulan-yang-menunggu-saya = Proposals waiting for me
semua-usulan = All proposals
bidang-urusan = Government affairs field
belum-ada-yang-disimpan = Nothing has been saved.
hanya-usulan-di-desa-kelurahan = Only proposals in the village/urban village of
dari-peta = (from the map).
kembali-ke-peta = Back to the map
jadwal-musrenbang-2 = Musrenbang schedule
musyawarah-dan-berita-acara = Meetings and minutes
lihat-di-peta = View on the map
jumlah-usulan-per-desa-kelurahan-dengan = number of proposals per village/urban village, with the filters above
unduh-rekapitulasi-xlsx = Download summary (.xlsx)
per-kecamatan-per-perangkat-daerah-dan = by district, by agency and by field, with the filters above
satu-usulan-per-baris = one proposal per row
tidak-ada-usulan-yang-menunggu-anda = No proposals are waiting for you.
belum-ada-usulan-yang-cocok = No matching proposals yet.
nomor = Number
peringkat = Rank
kemungkinan-duplikat = possible duplicate
kec = District
halaman-daftar-usulan = Proposal list pages

## proposals/merge.html
gabungkan-ke = Merge into
gabungkan = › Merge
gabungkan-usulan-ke = Merge proposals into
yakin-menggabungkan = Are you sure you want to merge?
usulan-berikut-selesai-dengan-status-digabung = The following proposals will close with the status “merged into
pengusul-dan-pengikutnya-diberi-tahu-dan = ”; their proposers and followers are notified, and the public page of each proposal links the two. A merge cannot be undone.
diputuskan-dalam = Decided in
ya-gabungkan-ke = Yes, merge into
pilih-ulang = Choose again
pilih-usulan-yang-sama-atau-tumpang = Choose the proposals that are the same as or overlap with this one (same district and same year). The ones you choose will be merged into
usulan-ini-tetap-berjalan = ; this proposal carries on.
tidak-ada-usulan-lain-yang-dapat = There are no other proposals that can be merged into this one.
usulan-yang-digabungkan = Proposals to merge
jenis-dan-lokasi-sama = same type and location
diputuskan-dalam-musyawarah-boleh-kosong = Decided in a meeting (optional)
tidak-dalam-musyawarah = — not in a meeting —
lanjut = Continue

## proposals/new.html
koreksi = Correction
koreksi-2 = › Correction
koreksi-usulan = Correct proposal
perbaiki-isian-yang-keliru-koreksi-tercatat = Fix any incorrect entries; corrections are recorded in the proposal timeline and can be read by everyone.
lokasi-dan-jenis-usulan-tidak-dapat = The location and type of proposal can no longer be changed because the proposal has already been forwarded from the village/urban village.
usulan-ini-baru-saja-diverifikasi-atau = This proposal has just been verified or changed, so your correction has not been saved. Your entries are still below; open the proposal again to see where it stands now.
ajukan = › Submit
simpan-koreksi = Save correction
kirim-usulan = Submit proposal
judul-usulan = Proposal title
masalah-yang-dihadapi = The problem
usulan-penyelesaian = Proposed solution
lokasi-dan-jenis-kegiatan = Location and type of activity:
lokasi-desa-kelurahan = Location (village/urban village)
jenis-kegiatan-kamus-usulan = Type of activity (proposal catalogue)
volume = Volume
satuan-kosongkan-dari-kamus = Unit (leave empty to use the catalogue's)
perkiraan-biaya-rp = Estimated cost (Rp)
tahun-rencana = Plan year:
tahun-rencana-2 = Plan year
rujukan-reses-khusus-pokir-dprd = Recess visit reference, for pokir (DPRD members' proposals) only
titik-lokasi-di-peta-boleh-kosong = Location point on the map (optional)
klik-peta = Click the map of
di-titik-lokasi-usulan-halaman-ini = at the proposal's location; this page comes back with the point for you to check. Coordinates can also be typed below.
peta-2 = Map of
klik-untuk-menandai-titik-lokasi = : click to mark the location point
pilih-desa-kelurahan-di-atas-lalu = Choose the village/urban village above, then
tampilkan-petanya = show its map
untuk-menandai-titik-dengan-klik-koordinat = to mark the point with a click. Coordinates can also be typed below.
lintang = Latitude
bujur = Longitude

## proposals/show.html
usulan-terkirim-dengan-nomor = Proposal sent with number
simpan-nomor-ini-untuk-mengikuti-perjalanannya = . Keep this number to follow its progress; anyone can open it on this page.
kemungkinan-duplikat-2 = Possible duplicate:
sudah-ada-usulan-sejenis-di-lokasi = a similar proposal already exists for the same location and year. Bappeda (regional planning agency) will check it.
digabung-ke = Merged into
menggabungkan = Merged from:
dipecah-dari = Split from
dipecah-menjadi = Split into:
diusulkan-oleh = Proposed by
kec-2 = , District
jenis-kegiatan = Type of activity
perkiraan-biaya = Estimated cost
reses = Recess visit
titik-lokasi = Location point:
peta-semua-usulan = Map of all proposals in
foto-dan-dokumen = Photos and documents
belum-ada-foto-atau-dokumen = No photos or documents yet.
foto = Photo
pdf = PDF,
lampirkan-foto-atau-dokumen = Attach a photo or document
jpeg-png-webp-atau-pdf-paling = JPEG, PNG, WebP or PDF, at most 10 MB. Photos are made smaller, and the camera data, time and GPS location in them are removed.
keterangan-boleh-kosong = Caption (optional)
unggah = Upload
diakomodir = Accepted
ditampung-dalam = Included in
sub-kegiatan-4 = , sub-activity
ditampung-dalam-rancangan-rkpd-yang-belum = Included in a draft RKPD (annual regional work plan) that has not been published yet; its sub-activity can be seen once the RKPD is open for public consultation or enacted.
volume-2 = Volume:
pagu-3 = · Pagu:
ditolak-2 = Rejected
ditunda = Deferred
dipertimbangkan-kembali-untuk-tahun = To be reconsidered for the year
anda-menerima-pemberitahuan-setiap-langkah-dan = You get a notification of every step and correction of this proposal.
ikuti-usulan-ini = Follow this proposal
terima-pemberitahuan-setiap-langkah-dan-koreksinya = Get a notification of every step and correction.
untuk-mengikuti-usulan-ini = to follow this proposal.
gabungkan-usulan-lain-ke-sini = Merge other proposals into this one
pecah-usulan-ini = Split this proposal
koreksi-usulan-ini = Correct this proposal
dapat-dilakukan-sampai-usulan-diverifikasi-setiap = Possible until the proposal is verified; every correction is recorded in the proposal timeline.
perjalanan-usulan = Proposal timeline
diskusi = Discussion (
belum-ada-komentar-tanggapan-dukungan-atau = No comments yet. Responses, support or objections to this proposal can be written here, and everyone can read them.
tulis-komentar = Write a comment
kirim-komentar = Post comment
pengusul-dan-pengikut-usulan-ini-diberi = The proposer and the followers of this proposal are notified.
untuk-menulis-komentar = to write a comment.
peringkat-di-tingkat = Ranking in the
peringkat-1-paling-penting = Rank (1 = most important)
simpan-peringkat = Save rank
proses-usulan = Process proposal
langkah-ini-belum-disimpan-periksa-isian = This step has not been saved; check the highlighted fields below.
langkah = Step
rekomendasi-catatan-tingkat-ini = Recommendation / note at this level
alasan-penolakan-wajib-bila-menolak = Reason for rejection (required when rejecting)
ditunda-ke-tahun = Deferred to year
sub-kegiatan-rkpd = Sub-activity in RKPD
yang-menampung = that accommodates it
sesuai-kamus = (matches the catalogue)
volume-yang-diambil = Volume accepted (
simpan-langkah = Save step

## proposals/split.html
pecah = Split
pecah-2 = › Split
pecah-usulan = Split proposal
volume-3 = · volume
perkiraan-biaya-2 = · estimated cost
setiap-bagian-menjadi-usulan-baru-dengan = Each part becomes a new proposal with its own number and the same location, type of activity and proposer, and carries on from this proposal's stage (
selesai-dengan-status-dipecah-dan-menautkan = will close with the status “split” and link to its parts. A split cannot be undone.
yakin-memecah = Are you sure you want to split
biaya = · cost
ya-pecah-menjadi = Yes, split into
usulan-3 = proposals
ubah-bagian = Edit the parts
volume-4 = Volume (

## search.html
cari-3 = Search:
kata-kode-mis-1-02-02 = Words, a code (e.g. 1.02.02) or a proposal number
pencarian-dibatasi-pada = The search was limited to
kata-dan-200-karakter-pertama = words and the first 200 characters.
yang-dapat-anda-baca-coba-kata = ” that you can read. Try a shorter word (the start of a word is enough) or a more general code (e.g. 1.02).
hasil-untuk = results for “
per-jenis = ”, by type.

## src/auth/policy/admin.rs
mengelola-kamus-usulan = Manage the proposal catalogue
permintaan-bergabung-diputuskan-oleh-perencana-bappeda = Requests to join are decided by the Bappeda (regional planning agency) planners of this region or by the institution's own managers.
mengelola-nomenklatur = Manage the nomenclature
anda-hanya-dapat-bergabung-dengan-lembaga = You can only join institutions in your account's region.
membuka-halaman-admin = Open the admin pages
mengelola-pengguna = Manage users
mengelola-organisasi = Manage organisations
mengelola-keanggotaan = Manage memberships
anda-tidak-dapat-mengubah-peran-atau = You cannot change the roles or memberships of your own account. Ask another administrator to do it.
mengatur-ulang-verifikasi-dua-langkah = Reset two-step verification
anda-tidak-dapat-mengatur-ulang-verifikasi = You cannot reset the two-step verification of your own account. Ask another administrator to do it.
anda-baru-saja-menetapkan-kata-sandi = You have just set this account's password. So that no single administrator can take over an account, its two-step verification must be reset by another administrator.
menetapkan-kata-sandi-pengguna = Set a user's password
anda-baru-saja-mengatur-ulang-verifikasi = You have just reset this account's two-step verification. So that no single administrator can take over an account, its password must be set by another administrator.
menonaktifkan-pengguna = Deactivate users
anda-tidak-dapat-menonaktifkan-akun-anda = You cannot deactivate your own account. Ask another administrator if this account really needs to be deactivated.
tindakan-ini-tidak-dikenal = This action is not recognised.

## src/auth/policy/comment.rs
rencana-ini-sudah-ditetapkan-masukan-tidak = This plan has been enacted; input is no longer accepted.
catatan-internal-hanya-untuk-staf-pemerintah = Internal notes are only for regional government staff and the DPRD (regional legislature). The public gives input during the public consultation.
masukan-publik-hanya-diterima-selama-tahap = Public input is accepted only during the public consultation stage.
masa-konsultasi-publik-rencana-ini-sudah = The public consultation period for this plan has ended or has not started yet.
masukan-publik-diberikan-oleh-akun-masyarakat = Public input is given from public or institution accounts.
moderasi-dan-tindak-lanjut-komentar-dilakukan = Comments are moderated and followed up by the Bappeda (regional planning agency) planners of this region.
hanya-penulis-yang-dapat-mengubah-komentarnya = Only the author can edit their comment.
komentar-hanya-dapat-diubah-dalam-15 = Comments can only be edited within 15 minutes of posting. Write a reply if something needs correcting.

## src/auth/policy/kerja_sama.rs
data-kerja-sama-diubah-oleh-perencana = Kerja sama (inter-regional cooperation) details are edited by the planners of the region that recorded it; partner regions can move its status, add stages and link their own items.
item-ini-milik-rencana-wilayah-lain = This item belongs to another region's plan; only that region can link or unlink it.
kerja-sama-ini-bukan-milik-wilayah = This kerja sama (inter-regional cooperation) does not belong to your region, and your region is not one of its partners.

## src/auth/policy/mod.rs
rencana-ini-milik-wilayah-lain = This plan belongs to another region.
rencana-ini-sudah-ditetapkan-sehingga-hanya = This plan has been enacted, so it is read-only. Changes are made through an amendment document.
rencana-ini-sedang-menunggu-penetapan-sehingga = This plan is awaiting enactment, so its content is frozen to make sure that what is approved is what the approver read. To change it, first return it to the previous stage.
rancangan-ini-milik-wilayah-lain-dan = This draft belongs to another region and has not been published yet.
rancangan-ini-masih-dibahas-di-internal = This draft is still being discussed within the regional government and the DPRD (regional legislature). The public can read it once the public consultation opens or after it is enacted.
rancangan-ini-belum-dipublikasikan-silakan-masuk = This draft has not been published yet. Please sign in if you are regional government staff or a member of the DPRD (regional legislature).

## src/auth/policy/plan.rs
jadwal-tahapan-diatur-oleh-perencana-bappeda = The stage schedule is set by Bappeda (regional planning agency) planners or an admin.
daftar-perubahan-sejak-terakhir-dibaca-disediakan = The list of changes since your last visit is available to DPRD (regional legislature) members of this region.
anda-hanya-dapat-membuat-rencana-untuk = You can only create plans for your own region.
realisasi-rencana-yang-sudah-ditetapkan-dicatat = Actuals of enacted plans are recorded by Bappeda (regional planning agency) planners or by the agency responsible for the item.
item-ini-bukan-tanggung-jawab-perangkat = This item is not your agency's responsibility. You can only edit the programmes, activities and sub-activities your organisation is responsible for, along with their indicators, targets and pagu (budget ceiling).
rencana-ini-tidak-menunggu-penetapan-anda = This plan is not awaiting enactment by you.

## src/auth/policy/proposal.rs
usulan-digabung-atau-dipecah-oleh-kecamatan = Proposals are merged or split by the district while they are discussed at district level, or by Bappeda (regional planning agency) planners at regency/city level; not once they have been decided.
musyawarah-dicatat-oleh-penyelenggaranya-atau-perencana = Meetings are recorded by their organiser or by the Bappeda (regional planning agency) planners of this region.
nama-peserta-dapat-dibaca-oleh-perangkat = Participants' names can be read by this region's officials.
jadwal-musrenbang-ditetapkan-oleh-perencana-bappeda = The Musrenbang (development planning forum) schedule is set by the Bappeda (regional planning agency) planners of this region.
foto-dan-dokumen-dilampirkan-oleh-pengusul = Photos and documents are attached by the proposer (until the proposal is decided) or by the level currently handling it.
lampiran-hanya-dapat-dihapus-oleh-yang = Attachments can only be deleted by whoever attached them or by Bappeda (regional planning agency) planners of the proposal's region.
komentar-hanya-dapat-dihapus-oleh-penulisnya = Comments can only be deleted by their author or by Bappeda (regional planning agency) planners of the proposal's region.
usulan-hanya-dapat-dikoreksi-oleh-pengusulnya = A proposal can only be corrected by its own proposer.
nama-petugas-yang-memproses-usulan-hanya = The names of officers processing a proposal are visible only to this region's staff and to the proposer.
kemungkinan-usulan-ganda-diperiksa-oleh-perencana = Possible duplicate proposals are checked by Bappeda (regional planning agency) planners.

## src/auth/policy/tests.rs
bapperida = Bapperida

## src/domain/annex.rs
perangkat-daerah-belum-ditentukan = (agency not yet assigned)

## src/domain/attachment.rs
pilih-berkas-foto-jpeg-png-webp = Choose a photo file (JPEG, PNG, WebP) or a PDF document.
berkas-terlalu-besar-paling-besar-10 = File too large: 10 MB at most.
berkas-ini-bukan-foto-jpeg-png = This file is not a JPEG, PNG or WebP photo, nor a PDF (judged by its content, not its name).
foto-ini-rusak-atau-tidak-dapat = This photo is damaged or cannot be read.

## src/domain/checks/mod.rs
galat = Error
peringatan-2 = Warning

## src/domain/checks/rules.rs
setiap-item-di-bawah-puncak-memiliki = Every item below the top level has a parent at a valid level
kode-program-kegiatan-dan-sub-kegiatan-2 = Programme, activity and sub-activity codes are valid, match their parent, exist in the nomenclature and are unique
setiap-tujuan-sasaran-program-kegiatan-dan-2 = Every goal, objective, programme, activity and sub-activity has an indicator
setiap-indikator-memiliki-target-tiap-tahun = Every indicator has a target for each year of the period and a baseline
target-bergerak-sesuai-polaritas = Targets move in line with their polarity
target-indikator-rkpd-sama-dengan-target = RKPD (annual regional work plan) indicator targets equal the referenced RPJMD (5-year regional plan) targets for the same year
setiap-program-rkpd-selaras-dengan-sasaran = Every RKPD (annual regional work plan) programme is aligned with an objective/programme of the current RPJMD (5-year regional plan) period
jumlah-pagu-rincian-tidak-melebihi-pagu = The sum of the breakdown pagu (budget ceiling) does not exceed the parent's pagu; each agency's total does not exceed its pagu
setiap-program-kegiatan-dan-sub-kegiatan = Every programme, activity and sub-activity has a responsible agency
usulan-diakomodir-terkait-sub-kegiatan-rkpd = Accommodated proposals are linked to a sub-activity of the RKPD (annual regional work plan) for their year; rejected proposals have a reason
prioritas-rkpd-kabupaten-kota-mengacu-prioritas = Regency/city RKPD (annual regional work plan) priorities refer to provincial priorities
kegiatan-rkpdes-yang-mendukung-program-daerah = RKPDes (village annual work plan) activities that support regional programmes point to existing programmes
kerja-sama-berstatus-direncanakan-memiliki-item = A kerja sama (inter-regional cooperation) with the status Planned has items with a pagu (budget ceiling) in its years
jumlah-rincian = Breakdown total
selisih = Difference
jumlah-sub-kegiatan = Sub-activity total
prioritas-ini-belum-mengacu-prioritas-rkpd = This priority does not yet refer to a priority of the provincial RKPD (annual regional work plan).
kegiatan-desa-ini-menunjuk-program-yang = This village activity points to a programme that does not exist in the regency/city RKPD (annual regional work plan) it refers to.

## src/domain/checks/tests.rs

## src/domain/comment.rs
tulis-komentar-anda-terlebih-dahulu = Write your comment first.
dijawab = Answered
diterima-diakomodasi = Accepted (accommodated)
tidak-diterima = Not accepted

## src/domain/indicator.rs
naik-makin-tinggi-makin-baik = Up (higher is better)
turun-makin-rendah-makin-baik = Down (lower is better)
rentang-target-berupa-kisaran-minmaks = Range (target is a min–max band)
nama-indikator-1500-karakter = Indicator name 1–500 characters.
isi-satuan-mis-orang-km-per = Enter the unit (e.g. %, people, km, per 100,000 live births).
definisi-maksimal-5-000-karakter = Definition at most 5,000 characters.
sumber-data-maksimal-500-karakter = Data source at most 500 characters.
pilih-polaritas = Choose a polarity.
tahun-kondisi-awal-tidak-valid = The baseline year is not valid.
batas-bawah-kondisi-akhir-lebih-besar = The lower bound of the end-of-period target is greater than its upper bound.
rkpd-perubahan-tuliskan-alasan-perubahan-ini = RKPD Perubahan (amended annual regional work plan): write the reason for this change (at least 5 characters).

## src/domain/item.rs
pilih-perangkat-daerah-penanggung-jawab = Choose the responsible agency.
isi-uraian-nama-item-maksimal-1 = Enter the item's description/name (at most 1,000 characters).
keterangan-terlalu-panjang-maksimal-20-000 = Notes too long (at most 20,000 characters).
pilih-program-kabupaten-kota-dari-rkpd = Choose a regency/city programme from the referenced RKPD (annual regional work plan).
lokasi-harus-kecamatan-atau-desa-kelurahan = The location must be a district or a village/urban village in this region.
sumber-dana-maksimal-100-karakter = Funding source at most 100 characters.

## src/domain/kerja_sama.rs
kerja-sama-daerah-dengan-daerah-lain = Kerja sama daerah with other regions
kerja-sama-daerah-dengan-pihak-ketiga = Kerja sama daerah with third parties
kerja-sama-daerah-dengan-pemerintah-daerah = Kerja sama daerah with regional governments/institutions abroad
identifikasi = Identification
pemetaan = Mapping
direncanakan = Planned
disepakati = Agreed
berjalan = Ongoing
selesai-2 = Completed
pilih-jenis-kerja-sama = Choose the type of kerja sama (inter-regional cooperation).
tuliskan-judul-kerja-sama-5300-karakter = Write the title of the kerja sama (inter-regional cooperation), 5–300 characters.
tuliskan-urusan-pemerintahan-yang-dikerjasamakan-maksimal = Write the government affairs the cooperation covers (at most 200 characters).
tuliskan-objek-kerja-sama-maksimal-2 = Write the subject of the kerja sama (inter-regional cooperation), at most 2,000 characters.
tahun-mulai-berupa-tahun-empat-angka = The start year must be a four-digit year, e.g. 2026.
tahun-selesai-berupa-tahun-empat-angka = The end year must be a four-digit year, e.g. 2027.
tahun-selesai-tidak-boleh-sebelum-tahun = The end year cannot be before the start year.
jangka-kerja-sama-paling-lama-30 = A kerja sama (inter-regional cooperation) can last at most 30 years.
daerah-mitra-tidak-boleh-daerah-sendiri = A partner region cannot be your own region.
pilih-provinsi-atau-kabupaten-kota-mitra = Choose a partner province or regency/city from the list.
paling-banyak-50-daerah-mitra = At most 50 partner regions.
nama-pihak-ketiga-maksimal-300-karakter = Third-party names at most 300 characters per line.
sebutkan-sedikitnya-satu-mitra-daerah-lain = Name at least one partner: another region or a third party.
kerja-sama-dengan-daerah-lain-ksdd-2 = Kerja sama (inter-regional cooperation) with other regions (KSDD) requires a partner region.

## src/domain/meeting.rs
musrenbang-desa-kelurahan = Village/urban village Musrenbang
musrenbang-kecamatan = District Musrenbang
forum-perangkat-daerah = Agency forum
musrenbang-kabupaten-kota = Regency/city Musrenbang
forum-kemitraan = Partnership Forum
musyawarah-lain = Other meeting
pilih-jenis-musyawarah = Choose the type of meeting.
isi-tanggal-musyawarah = Enter the meeting date.
pilih-penyelenggara-dari-organisasi-anda = Choose the organiser from your organisations.
agenda-paling-panjang-5-000-karakter = Agenda at most 5,000 characters.
isi-nama-peserta = Enter the participant's name.

## src/domain/money.rs
rp = Rp
jumlah-terlalu-besar = Amount too large.

## src/domain/musrenbang.rs
penyampaian-pokir-dprd = DPRD pokir submission
tanggal-tutup-tidak-boleh-sebelum-tanggal = The closing date cannot be before the opening date.
isi-tanggal-buka-atau-kosongkan-keduanya = Enter the opening date (or leave both empty: no schedule).
isi-tanggal-tutup-atau-kosongkan-keduanya = Enter the closing date (or leave both empty: no schedule).

## src/domain/nomenklatur_csv.rs
baris-judul-harus-kode-level-nama = The header row must be: kode,level,nama,indikator,satuan
level-harus-program-kegiatan-atau-sub = Level must be program, kegiatan or sub_kegiatan.
nama-wajib-diisi-maksimal-500-karakter = Name is required (at most 500 characters).
berkas-tidak-berisi-baris-data = The file contains no data rows.

## src/domain/org.rs
bappeda-2 = Bappeda
desa-2 = Village
kelurahan-2 = Urban village
lembaga-kemasyarakatan = Community institution
pilih-jenis-organisasi = Choose the type of organisation.
kode-singkat-163-karakter-huruf-kecil = Short code of 1–63 characters: lowercase letters, digits and hyphens, starting with a letter or digit (e.g. dinkes).
nama-organisasi-2200-karakter = Organisation name 2–200 characters.
desa-kelurahan-harus-memilih-wilayahnya = A village/urban village must choose its region.

## src/domain/plan.rs
renstra = Renstra
rkpd-perubahan = RKPD Perubahan
renja = Renja
rpjmdes = RPJMDes
rkpdes = RKPDes
rencana-pembangunan-jangka-panjang-daerah = Regional Long-Term Development Plan
rencana-pembangunan-jangka-menengah-daerah = Regional Medium-Term Development Plan
rencana-strategis-perangkat-daerah = Regional Agency Strategic Plan
rencana-kerja-pemerintah-daerah = Regional Government Work Plan
perubahan-rencana-kerja-pemerintah-daerah = Amended Regional Government Work Plan
rencana-kerja-perangkat-daerah = Regional Agency Work Plan
rencana-pembangunan-jangka-menengah-desa = Village Medium-Term Development Plan
rencana-kerja-pemerintah-desa = Village Government Work Plan
rancangan-teknokratik = Technocratic draft
rancangan-awal = Initial draft
rancangan-4 = Draft
musrenbang = Musrenbang
rancangan-akhir = Final draft
menunggu-penetapan = Awaiting enactment
ditetapkan = Enacted
visi = Vision
misi = Mission
tujuan = Goal
sasaran = Objective
sasaran-pokok = Main objective
arah-kebijakan = Policy direction
program-2 = Programme
kegiatan-2 = Activity
bidang = Field
kegiatan-desa = Village activity
bulan-awal-pelaksanaan-tidak-boleh-setelah = The implementation start month cannot be after its end month.
pilih-bulan-awal-dan-bulan-akhir = Choose both the start and end months of implementation, or leave both empty.
tahun-harus-di-antara-2000-dan = The year must be between 2000 and 2100.
tahun-akhir-tidak-boleh-sebelum-tahun = The end year cannot be before the start year.
judul-5300-karakter = Title 5–300 characters.
isi-tahun-awal-dan-akhir-periode = Enter the start (and end) year of the period, e.g. 2025.
pilih-perangkat-daerah-pemilik-dokumen-ini = Choose the agency that owns this document.
pilih-desa-pemilik-dokumen-ini = Choose the village that owns this document.
pilih-rkpd-kabupaten-kota-dari-tahun = Choose a regency/city RKPD (annual regional work plan) from the same year.

## src/domain/plan_import.rs
lokasi-kode-wilayah = Location (region code)
kondisi-akhir = End-of-period target
baris-indikator-sebelum-item-mana-pun = Indicator row before any item.
nama-indikator-kosong-atau-lebih-dari = Indicator name empty or longer than 500 characters.
satuan-indikator-kosong-atau-lebih-dari = Indicator unit empty or longer than 100 characters.
kolom-no-harus-berisi-nomor-urut = The No column must contain a sequence number (1, 2, 3, …).
nama-kosong-atau-lebih-dari-2 = Name empty or longer than 2,000 characters.
kode-sub-kegiatan = Sub-activity code
nama-sub-kegiatan = Sub-activity name
lokasi-kab-kota-kecamatan-desa-kelurahan = Location (regency/city › district › village/urban village)
tolok-ukur-indikator-keluaran = Benchmark (output indicator)
prioritas-nasional = National priority
prioritas-provinsi = Provincial priority
prioritas-daerah = Regional priority
nama-sub-kegiatan-kosong = Sub-activity name empty.
pagu-tidak-boleh-negatif = Pagu (budget ceiling) cannot be negative.
berkas-ini-tidak-berisi-baris-sub = This file contains no sub-activity rows.
tanpa-prioritas-daerah = No regional priority

## src/domain/proposal.rs
aspirasi-masyarakat = Public aspiration
pokok-pokok-pikiran-dprd = Pokok-pokok pikiran DPRD
usulan-perangkat-daerah-renja = Agency proposal (Renja)
diajukan-di-desa-kelurahan = Submitted at village/urban village
diteruskan-ke-kecamatan = Forwarded to the district
diteruskan-ke-kabupaten-kota = Forwarded to the regency/city
diverifikasi-perangkat-daerah = Verified by the agency
digabung-ke-usulan-lain = Merged into another proposal
dipecah-menjadi-beberapa-usulan = Split into several proposals
bappeda-kabupaten-kota = Regency/city Bappeda
alasan-penolakan-wajib-diisi-minimal-5 = A reason for rejection is required (at least 5 characters); the proposer and the public will read it.
isi-tahun-rencana-mis-2027 = Enter the plan year, e.g. 2027.
lintang-tidak-valid-90-sampai-90 = Invalid latitude (−90 to 90), e.g. -7,4797.
bujur-tidak-valid-180-sampai-180 = Invalid longitude (−180 to 180), e.g. 110,2177.
tuliskan-nama-jenis-usulan-2300-karakter = Enter the name of the proposal type (2–300 characters), e.g. Rehabilitation of neighbourhood roads.
pilih-kode-sub-kegiatan-enam-bagian = Choose the sub-activity code (six parts), e.g. 1.03.10.2.01.0034.
pilih-perangkat-daerah-yang-menanganinya = Choose the agency that handles it.
isi-satuan-volume-mis-meter-atau = Enter the volume unit, e.g. metre or unit.
pilih-jenis-usulan = Choose a proposal type.
ceritakan-masalahnya-55-000-karakter = Describe the problem (5–5,000 characters).
tuliskan-usulan-penyelesaiannya-55-000-karakter = Describe your proposed solution (5–5,000 characters).
pilih-desa-kelurahan-lokasi-usulan = Choose the village/urban village where the proposal is located.
pilih-jenis-kegiatan-dari-kamus-usulan = Choose the activity type from the proposal catalogue.
isi-volume-angka-lebih-dari-0 = Enter the volume (a number greater than 0), e.g. 120.
isi-satuan-volume-mis-meter = Enter the volume unit, e.g. metre.
isi-perkiraan-biaya-dalam-rupiah-mis = Enter the estimated cost in rupiah, e.g. 150.000.000.
judul-5200-karakter = Title: 5–200 characters.
volume-lebih-dari-0 = Volume must be greater than 0.
perkiraan-biaya-dalam-rupiah = Estimated cost in rupiah.
isi-sedikitnya-dua-bagian-memecah-berarti = Fill in at least two parts: splitting means turning it into two or more proposals.
pilih-sedikitnya-satu-usulan-untuk-digabungkan = Choose at least one proposal to merge.
paling-banyak-20-usulan-sekali-gabung = At most 20 proposals per merge.

## src/domain/region.rs

## src/domain/role.rs
administrator = Administrator
perencana = Planner
pemberi-persetujuan = Approver
operator-desa-kelurahan = Village/urban village operator
masyarakat-lembaga = Resident / institution
dprd-peninjau = DPRD (reviewer)
mengelola-pengguna-organisasi-keanggotaan-nomenklatur-dan = Manage users, organisations, memberships, nomenclature and the stage schedule in your region.
menyusun-dokumen-rencana-daerah-menugaskan-program = Draft regional plan documents, assign programmes to agencies, open and close stages, run the Cek Keselarasan (alignment check) and answer input.
menyetujui-atau-mengembalikan-perpindahan-tahapan-dan = Approve or return stage changes and enact plans (except plans you submitted yourself).
mengisi-program-kegiatan-sub-kegiatan-indikator = Fill in the programmes, activities, sub-activities, indicators, targets and pagu (budget ceiling) your agency is responsible for, and draft the Renstra (agency strategic plan) and Renja (agency work plan).
mengajukan-dan-memeringkat-usulan-desa-kelurahan = Submit and rank village/urban village proposals and draft the RPJMDes (village medium-term plan) and RKPDes (village annual work plan).
mengajukan-usulan-dan-aspirasi-memberi-masukan = Submit proposals and public aspirations, give input on drafts under consultation, and follow your proposals.
membaca-setiap-rancangan-di-semua-tahapan = Read every draft at every stage, add notes and submit pokir (DPRD members' proposals).

## src/domain/roster.rs
jenis-organisasi = Organisation type
nama-organisasi = Organisation name
kode-wilayah = Region code
berkas-ini-tidak-berisi-baris-organisasi = This file contains no organisation or user rows.

## src/domain/search.rs
ketik-kata-kode-mis-1-02 = Type a word, a code (e.g. 1.02.02) or a proposal number to search for.

## src/domain/snapshot.rs
teks-bab-ini-terlalu-panjang-untuk = This chapter's text is too long to compare word by word; it is shown in full, before and then after.
perbandingan-bab-ini-dihentikan-karena-melewati = The comparison of this chapter was stopped because it exceeded the time limit; the differences are shown more coarsely (by section, not by word).

## src/domain/stage.rs
rencana-ini-sudah-ditetapkan-perubahan-dilakukan = This plan has already been enacted; changes are made through an amendment document.
penetapan-memerlukan-persetujuan-pemberi-persetujuan-approver = Enactment requires the approval of an approver.
anda-sendiri-yang-mengajukan-penetapan-ini = You submitted this enactment yourself. Enactment must be approved by another approver (four-eyes principle).

## src/domain/target_pagu.rs
kunci-baris = Row key
target-maks-rentang = Max target (range)
kolom-versi-kosong-atau-bukan-angka = The Version column is empty or not a number; this column must not be changed.
target-maks-lebih-kecil-dari-target = The max target is less than the target.
target-maks-terisi-tetapi-target-kosong = The max target is filled in but the target is empty.
versi-baris-ini-tidak-terbaca-muat = This row's version cannot be read; reload the page.
batas-atas-lebih-kecil-dari-target = The upper limit is less than the target.
batas-atas-terisi-tetapi-target-kosong = The upper limit is filled in but the target is empty.
indikator-atau-item-baris-ini-tidak = The indicator or item in this row is not (or no longer) in this plan.

## src/domain/user.rs
email-setiap-ada-pemberitahuan-dan-di = Email for every notification (and in the inbox)
satu-email-ringkasan-per-hari-dan = One summary email per day (and in the inbox)
hanya-di-kotak-masuk-selaras = Only in the Selaras inbox
nama-lengkap-2200-karakter = Full name: 2–200 characters.
nomor-telepon-815-angka-contoh-0812 = Phone number: 8–15 digits (example: 0812 3456 7890 or +62 293 362 000).
pilih-cara-pemberitahuan = Choose how you want to be notified.
kata-sandi-ini-terlalu-umum-atau = This password is too common or easy to guess. Use several unrelated words, for example a short sentence only you know.
nama-pengguna-364-karakter-huruf-kecil = Username: 3–64 characters, lower-case letters, digits, full stops, hyphens or underscores, starting with a letter or digit.
alamat-email-tidak-valid-contoh-nama = Invalid email address (example: nama@magelangkota.go.id).
pilih-organisasi-tempat-pengguna-ini-bekerja = Choose the organisation this user works for.
pilih-peran-pengguna-ini = Choose this user's role.
isi-alamat-email-tautan-konfirmasi-dikirim = Enter an email address: a confirmation link will be sent there.
ulangi-kata-sandi-persis-sama = Repeat the password exactly.
pilih-kabupaten-kota-tempat-anda-tinggal = Choose the regency/city where you live.
pilih-lembaga-dari-daftar-kabupaten-kota = Choose an institution from the list for the regency/city you chose, or leave it empty.

## src/error.rs
halaman-tidak-ditemukan = Page not found
alamat-yang-anda-buka-tidak-ada = The address you opened does not exist or has been moved. Check the address, or go back to the home page.
terjadi-kesalahan = Something went wrong
maaf-terjadi-kesalahan-di-server-dan = Sorry, an error occurred on the server and your request was not processed. No data was partly saved. Please try again; if it happens again, contact the admin and quote the request code below.
layanan-sedang-tidak-tersedia = Service temporarily unavailable
basis-data-sedang-tidak-dapat-dihubungi = The database cannot be reached at the moment. Your request was not processed. Please try again in a few moments.
akses-ditolak = Access denied
baru-saja-diubah-orang-lain = Just changed by someone else
permintaan-tidak-dapat-diproses = The request could not be processed
server-sedang-sibuk = The server is busy
terlalu-banyak-permintaan-masuk-pada-saat = Too many requests are arriving at the same time. Your request was not processed; please try again in a few seconds.
rencana-sedang-menunggu-penetapan = The plan is awaiting enactment
rencana-ini-baru-saja-diajukan-untuk = This plan has just been submitted for enactment, so its content is frozen and your changes were not saved. To change it, the plan first needs to be returned to the previous stage.

## src/web/account.rs
permintaan-terkirim-pengurus-lembaga-atau-perencana = Request sent. The institution's officers or a Bappeda (regional planning agency) planner will decide on it; the result will appear in your inbox.
anda-sudah-anggota-lembaga-itu-atau = You are already a member of that institution or have already asked to join.
pilih-lembaga-dari-daftar = Choose an institution from the list.
kata-sandi-saat-ini-salah = The current password is incorrect.
ulangi-kata-sandi-baru-persis-sama = Repeat the new password exactly.

## src/web/admin/kamus_import.rs
kamus = Catalogue
pilih-berkas-csv-atau-xlsx-untuk = Choose a .csv or .xlsx file to upload.
sebagian-nama-sudah-dipakai-di-kamus = Some names are already used in the catalogue; upload again for a new preview.

## src/web/admin/mod.rs
data-berhasil-dibuat = Created successfully.
perubahan-tersimpan = Changes saved.
kata-sandi-baru-tersimpan-semua-sesi = New password saved; all of this user's sessions have been ended.
pengguna-dinonaktifkan-dan-semua-sesinya-diakhiri = User deactivated and all of their sessions ended.
pengguna-diaktifkan-kembali = User reactivated.
keanggotaan-ditambahkan = Membership added.
keanggotaan-dihapus = Membership removed.
nomenklatur-tambahan-berhasil-diimpor = Additional nomenclature imported.
organisasi-kecamatan-dan-desa-kelurahan-dibuat = District and village/urban village organisations created from the region list.
verifikasi-dua-langkah-diatur-ulang-semua = Two-step verification reset; all of this user's sessions have been ended. At their next sign-in they set up the authenticator app again.

## src/web/admin/roster.rs
sebagian-data-bentrok-dengan-yang-dibuat = Some data clashes with data created at the same time; upload again for a new preview.

## src/web/admin/users.rs
akun-dibuat-undangan-juga-dikirim-ke = Account created. An invitation has also been sent to their email address.
akun-dibuat = Account created.
tautan-undangan-berlaku-7-hari-sekali = Invitation link (valid for 7 days, single use)
tautan-atur-ulang-kata-sandi-berlaku = Password reset link (valid for 24 hours, single use)
tautan-konfirmasi-email-berlaku-48-jam = Email confirmation link (valid for 48 hours, single use)
centang-kotak-ini-untuk-memastikan-verifikasi = Tick this box to confirm that you really want to reset two-step verification.

## src/web/alignment.rs
item-ini-sudah-terkait-dengan-item = This item is already linked to that item.

## src/web/comments.rs
komentar-ini-hanya-untuk-staf-pemerintah = This comment is only for regional government staff and the DPRD (regional parliament).
komentar-ini-sudah-dihapus-sehingga-tidak = This comment has been deleted, so it will not be followed up.
pilih-status-tindak-lanjut = Choose a follow-up status.
tuliskan-jawaban-tindak-lanjut-maksimal-5 = Write the follow-up response (at most 5,000 characters); the author of the input will read it.

## src/web/consultation.rs
masukan-publik-diterima-selama-tahap-konsultasi = Public input is accepted while the public consultation stage is in progress.
dihapus = (deleted)
belum-ditindaklanjuti = Not yet followed up

## src/web/edge.rs
isian-mengandung-karakter-yang-tidak-diizinkan = The input contains characters that are not allowed
alamat-atau-parameternya-berisi-karakter-kontrol = The address or its parameters contain control characters (e.g. NUL) that cannot be processed.
alamat-ini-berisi-karakter-kontrol-misalnya = This address contains control characters (e.g. NUL) that cannot be processed. Check the address.
isian-berisi-karakter-kontrol-misalnya-nul = The input contains control characters (e.g. NUL) that cannot be saved. Go back, remove the character, then send again.

## src/web/home.rs
rpjpd-rpjmd-renstra-rkpd-renja-rpjmdes = Your region's RPJPD (20-year regional plan), RPJMD (5-year regional plan), Renstra (agency strategic plan), RKPD (annual regional work plan), Renja (agency work plan), RPJMDes (village medium-term plan) and RKPDes (village annual work plan), with the performance tree, indicators and pagu (budget ceiling).
kelola-pengguna = Manage users
tambahkan-akun-atur-keanggotaan-dan-peran = Add accounts, set memberships and roles, or deactivate accounts.
kelola-organisasi = Manage organisations
bappeda-perangkat-daerah-desa-kelurahan-lembaga = Bappeda (regional planning agency), agencies, villages/urban villages, institutions and the DPRD (regional parliament) in your region.
warga-yang-ingin-menjadi-anggota-lembaga = Residents who want to join an institution are waiting for your decision.
nama-email-telepon-dan-cara-anda = Name, email, phone, and how you receive notifications.
sesi-anda-di-perangkat-lain-akan = Your sessions on other devices will be ended.
usulan-yang-menunggu-keputusan-anda = Proposals awaiting your decision
akomodir-ke-sub-kegiatan-tolak-dengan = Accommodate into a sub-activity, reject with a reason, or defer.
tetapkan-kapan-setiap-tingkat-mengirim-dan = Set when each level sends and forwards proposals; reminders are sent before closing.
musrenbang-forum-perangkat-daerah-dan-forum = Musrenbang (development planning forum), agency forums and the Partnership Forum: attendance lists, decisions, notes.
jawab-terima-atau-tolak-setiap-masukan = Answer, accept or reject each input; the answer is shown to its author.
diubah-sejak-cek-terakhir-jalankan-untuk = Changed since the last Cek (plan check): run it to see the findings.
perencana-rencana-yang-sedang-disusun = Planner: plans being drafted
menunggu-penetapan-anda = Awaiting your enactment
tetapkan-atau-kembalikan-dengan-catatan-penetapan = Enact, or return with a note. A plan cannot be enacted by the person who submitted it.
tidak-ada-rencana-yang-menunggu-penetapan = No plans are awaiting enactment. Planners submit them from the plan page.
usulan-yang-menunggu-anda = Proposals waiting for you
verifikasi-usulan-yang-dialamatkan-ke-perangkat = Verify proposals addressed to your agency: forward them to Bappeda (regional planning agency), or reject them with a reason.
kode-indikator-target-dan-pagu-item = Codes, indicators, targets and pagu (budget ceiling) of the items you are responsible for.
usulan-desa-kelurahan-untuk-diperingkat-dan = Village/urban village proposals to rank and forward
hasil-musrenbang-kecamatan-urutkan-usulan-dari = District Musrenbang (development planning forum) results: rank the proposals from the villages/urban villages in your district, then forward them to the regency/city or reject them with a reason.
usulan-dari-desa-kelurahan-di-wilayah = Proposals from the villages/urban villages in the district, with their status and summary.
musrenbang-kecamatan-musyawarah-dan-berita-acara = District Musrenbang (development planning forum): deliberation and minutes
catat-musrenbang-daftar-hadir-keputusan-atas = Record the Musrenbang (development planning forum): attendance list, decisions on the proposals discussed, notes; print its minutes.
kapan-kecamatan-dapat-meneruskan-usulan-tahun = When the district can forward proposals this year.
usulan-musrenbang-desa-kelurahan-anda-masalah = Your village/urban village's Musrenbang (development planning forum) proposals: problem, proposed solution, location, volume and estimated cost.
usulan-yang-perlu-diperingkat = Proposals to be ranked
urutkan-usulan-desa-kelurahan-anda-lalu = Rank your village/urban village's proposals, then forward them to the district.
masukan-anda-diterima-selama-tahap-ini = Your input is accepted during this stage.
masukan-anda-yang-sudah-ditindaklanjuti = Your input that has been followed up
kirim-aspirasi = Send a public aspiration
usulan-anda-atau-lembaga-anda-untuk = Proposals from you or your institution for regional development; follow their progress by their number.
masyarakat-dan-lembaga = Residents and institutions
ajukan-pokok-pokok-pikiran-pokir = Submit pokir (DPRD members' proposals)
hasil-reses-dengan-rujukan-resesnya = Results of recess visits, with the recess visit reference.
staf-tanpa-verifikasi-dua-langkah = Staff without two-step verification
mereka-memasangnya-saat-masuk-berikutnya-atur = They set it up at their next sign-in; reset it if their phone is lost.
undangan-yang-belum-dipakai = Unused invitations
berlaku-7-hari-buat-tautan-baru = Valid for 7 days; create a new link once it has expired.
desa-perangkat-daerah-dan-lembaga-beserta = Villages, agencies and institutions with their operators, from a single file.

## src/web/kerja_sama.rs
kerja-sama-ini-baru-saja-diubah = This kerja sama (inter-regional cooperation) has just been changed by someone else, so your input has not been saved. Your input stays in the form; reload the kerja sama page to see the latest version.
isi-tanggal-target-mis-2026-06 = Enter the target date, e.g. 2026-06-30.
tuliskan-tahapannya-2500-karakter = Describe the stage (2–500 characters).
pilih-dokumen-rencana-wilayah-anda = Choose a plan document of your region.
isi-kode-program-kegiatan-atau-sub = Enter the code of the programme, activity or sub-activity that includes this kerja sama (inter-regional cooperation).
item-ini-sudah-terkait-dengan-kerja = This item is already linked to this kerja sama (inter-regional cooperation).

## src/web/maps/mod.rs
titik-lokasi-usulan = Proposal location point
peta-lokasi-sub-kegiatan = Sub-activity location map

## src/web/maps/pages.rs
rkpd-tidak-dapat-dibaca-atau-belum = The RKPD (annual regional work plan) cannot be read or does not exist yet
belum-ada-rkpd = No RKPD yet
rancangan-belum-dibuka-untuk-umum = Draft (not yet open to the public)

## src/web/maps/picker.rs
pilih-desa-kelurahan-lokasi-usulan-dulu = Choose the village/urban village of the proposal location first, then show its map.
klik-peta-di-titik-lokasi-usulan = Click the map at the proposal location to mark it.
peta-kini-menampilkan-desa-kelurahan-yang = The map now shows the village/urban village you chose: click once more to mark the point.
desa-kelurahan-ini-belum-memiliki-peta = This village/urban village has no map yet; type its coordinates.
klik-di-dalam-peta-untuk-menandai = Click inside the map to mark a point.
peta-menandai-titik-dengan-klik-atau = The map marks a point with a click or a tap. With a keyboard, fill in Latitude and Longitude below the map.

## src/web/meetings.rs
musyawarah-dicatat-oleh-penyelenggaranya-kecamatan-perangkat = Meetings are recorded by their organiser (district, agency, village/urban village) or a Bappeda (regional planning agency) planner.
teruskan = Forward
verifikasi = Verify
notulen-paling-panjang-20-000-karakter = Notes can be at most 20,000 characters.
notulen-baru-saja-diubah-orang-lain = The notes have just been changed by someone else; your text has not been saved and is kept below. Check it, then save again.
pilih-keputusan-teruskan-verifikasi-atau-tolak = Choose a decision: forward, verify or reject.

## src/web/plans/create.rs
peran-anda-tidak-dapat-membuat-dokumen = Your role cannot create plan documents. Bappeda (regional planning agency) planners create the regional documents; agencies create their Renstra (agency strategic plan) and Renja (agency work plan); village operators create their village's RPJMDes (village medium-term plan) and RKPDes (village annual work plan).
pilih-jenis-dokumen = Choose a document type.

## src/web/plans/imports.rs
pilih-berkas-xlsx-untuk-diunggah = Choose an .xlsx file to upload.
berkas-ini-masih-mengandung-kesalahan-perbaiki = This file still contains errors; correct them, then upload again. Nothing has been changed.
tidak-ada-perubahan-untuk-diterapkan = There are no changes to apply.
setiap-perubahan-dalam-rkpd-perubahan-memerlukan = Every change in an RKPD Perubahan (amended annual regional work plan) needs a reason (5–2,000 characters).
isi-alasan-perubahan-lalu-terapkan-lagi = Enter the reason for the change, then apply again.
sebagian-isian-diubah-di-selaras-setelah = Some entries were changed in Selaras after this preview was made, so nothing was applied. Download the new worksheet, redo your changes, then upload again.

## src/web/plans/items.rs
standar-pelayanan-minimal = Minimum service standards
penanggulangan-kemiskinan = Poverty reduction
item-ini-baru-saja-diubah-orang = This item has just been changed by someone else, so your pagu (budget ceiling) has not been saved. Your entries stay in the fields; the values now saved are shown below each field. Check, then save again.
rkpd-perubahan-tuliskan-alasan-perubahan-pagu = RKPD Perubahan (amended annual regional work plan): write the reason for changing this pagu (budget ceiling) (at least 5 characters).

## src/web/plans/mod.rs
rencana-yang-dipublikasikan = Published plans

## src/web/plans/removal.rs
target-dan-realisasi-setiap-tahunnya-ikut = The targets and actuals for every year are deleted with it; comments are kept.
bab-lain-tetap-bernomor-seperti-sekarang = Other chapters keep their current numbers; comments on this chapter's paragraphs are kept.

## src/web/plans/sections.rs
judul-bab-1200-karakter = Chapter title: 1–200 characters.
isi-bab-maksimal-200-000-karakter = Chapter content: at most 200,000 characters.

## src/web/plans/stages.rs
tuliskan-catatan-untuk-perpindahan-tahap-ini = Write a note for this stage change (at most 4,000 characters).
pilih-tahap = Choose a stage.
isi-tanggal-dibuka-mis-2026-03 = Enter the opening date, e.g. 2026-03-01.
isi-tanggal-ditutup-mis-2026-03 = Enter the closing date, e.g. 2026-03-31.
tanggal-ditutup-tidak-boleh-sebelum-tanggal = The closing date cannot be before the opening date.
item-berubah = Items changed
target-berubah = Targets changed
pagu-berubah = Pagu changed

## src/web/plans/structure.rs
lembar-ini-masih-mengandung-kesalahan-perbaiki = This sheet still contains errors; correct them, then upload again. Nothing has been created.
rencana-ini-sudah-berisi-item-sehingga = This plan already contains items, so the worksheet cannot be imported again.

## src/web/plans/table.rs
rencana-ini-diubah-orang-lain-tepat = This plan was changed by someone else just as you were saving; nothing was saved. Check, then save again.
isi-alasan-perubahan-lalu-simpan-lagi = Enter the reason for the change, then save again.

## src/web/proposal_comments.rs
tuliskan-alasannya-pengusul-dan-publik-akan = Write the reason: the proposer and the public will read it.

## src/web/proposal_files.rs
unggahan-tidak-terbaca-coba-unggah-ulang = The upload could not be read. Try uploading the file again.

## src/web/proposals.rs
pilih-langkah = Choose a step.
usulan-saya = My proposals
usulan-pembangunan = Development proposals
usulan-diajukan-oleh-operator-desa-kelurahan = Proposals are submitted by village/urban village operators (Musrenbang, the development planning forum), residents or institutions (public aspirations), DPRD members (pokir, DPRD members' proposals) and agencies (Renja, the agency work plan). Your account does not have any of these roles.
teruskan-ke-tingkat-berikutnya = Forward to the next level
nyatakan-terverifikasi-layak-dan-biaya-wajar = Mark as verified (feasible and reasonably costed)
akomodir-ke-sub-kegiatan-rkpd = Accommodate into an RKPD sub-activity
tunda-ke-tahun-berikutnya = Defer to the following year
tolak-dengan-alasan = Reject (with a reason)
pindahkan-ke-sub-kegiatan-rkpd-lain = Move to another RKPD sub-activity
isi-volume-yang-diambil-angka-lebih = Enter the volume taken (a number greater than zero).
isi-pagu-yang-diambil-mis-150 = Enter the pagu (budget ceiling) taken (e.g. 150.000.000).

## src/web/revalidate.rs

## src/web/search.rs
item-rencana = Plan items
komentar = Comments

## src/web/session.rs
email-anda-terkonfirmasi-silakan-masuk-dengan = Your email is confirmed. Please sign in with the username and password you chose.
kata-sandi-anda-tersimpan-silakan-masuk = Your password has been saved. Please sign in with your new password.
anda-telah-keluar-sampai-jumpa-lagi = You have signed out. See you again soon.
email-akun-ini-belum-dikonfirmasi-buka = This account's email has not been confirmed yet. Open the confirmation link we sent to your email, then sign in again.
nama-pengguna-atau-kata-sandi-salah = Incorrect username or password, or the account is inactive.
kode-salah-atau-sudah-dipakai-masukkan = The code is wrong or has already been used. Enter the code currently shown in your authenticator app, or one of your recovery codes.
kode-belum-cocok-pastikan-jam-ponsel = The code does not match yet. Make sure your phone's clock is correct, then enter the code currently shown in the app.

## src/web/signup.rs
konfirmasi-pendaftaran = Sign-up confirmation
anda-sudah-punya-akun = You already have an account
nama-pengguna-ini-sudah-dipakai-pilih = This username is already taken. Choose another one.
terlalu-banyak-pendaftaran-dari-perangkat-atau = Too many sign-ups from this device or address. Try again in an hour.
permintaan-itu-sudah-diputuskan-orang-lain = That request has already been decided by someone else or no longer exists.

## src/auth/guard.rs
terlalu-banyak-percobaan-yang-gagal-demi = Too many failed attempts. For security, attempts are temporarily blocked. Try again after { $a1 }.

## src/auth/policy/kerja_sama.rs
kerja-sama-daerah-dicatat-dan-dikelola = Kerja sama (inter-regional cooperation) is recorded and managed by Bappeda (regional planning agency) planners. Your role: { $a1 }.

## src/auth/policy/mod.rs
hanya-dapat-dilakukan-oleh-pengguna-dengan = { $what }: only users with the Administrator role can do this. Your account ({ $a1 }) has the role: { $a2 }.
data-ini-milik-wilayah-lain-sebagai = This data belongs to another region. As an Administrator you can only manage { $a1 }.
penyuntingan-tahap-terkunci-sampai-saat-jadwalnya = Editing for the { $a1 } stage is locked until { $a2 }, when its schedule opens.
penyuntingan-tahap-ditutup-sejak-perencana-dapat = Editing for the { $a1 } stage has been closed since { $a2 }. Planners can extend the schedule or move on to the next stage.
disusun-oleh-pemerintah-desanya-sendiri-hanya = { $a1 } documents are drawn up by the village government itself; only that village's operator can change them.
mengubah-hanya-dapat-dilakukan-oleh-perencana = Only Bappeda (regional planning agency) planners{ $a2 } can change { $a1 } documents. Your role: { $a3 }.

## src/auth/policy/plan.rs
melanjutkan-tahapan-hanya-dapat-dilakukan-oleh = Only Bappeda (regional planning agency) planners{ $a1 } can move a plan to the next stage. Your role: { $a2 }.
menyetujui-penetapan-atau-mengembalikan-rencana-hanya = Only the approver — the head of Bappeda (regional planning agency) or their delegate — can approve the enactment of a plan or send it back. Your role: { $a1 }.
membuat-hanya-dapat-dilakukan-oleh-perencana = Only Bappeda (regional planning agency) planners can create { $a1 } documents.
dibuat-oleh-perencana-bappeda-atau-oleh = { $a1 } documents are created by Bappeda (regional planning agency) planners, or by an agency for its own organisation.
dibuat-oleh-operator-desa-untuk-desanya = { $a1 } documents are created by a village operator for their own village.
rencana-hanya-dapat-dihapus-selama-masih = A plan can only be deleted while it is still at the { $a1 } stage; after that, its content is deleted section by section.
mengubah-item-rencana-ini-hanya-dapat = Only Bappeda (regional planning agency) planners or the responsible agency can change this plan item. Your role: { $a1 }.

## src/auth/policy/proposal.rs
usulan-ini-sudah-koreksi-hanya-dapat = This proposal is already { $a1 }; corrections can only be made before it is verified.

## src/domain/checks/rules.rs
berada-di-bawah-dalam-yang-sah = { $a1 } is placed under { $a2 } — in { $a3 } the valid levels there are: { $a4 }.
tidak-memiliki-kode-nomenklatur = { $a1 } has no nomenclature code.
kode-tidak-ada-dalam-nomenklatur-wilayah = Code { $raw } is not in this region's nomenclature.
kode-dipakai-lebih-dari-sekali-dalam = Code { $raw } is used more than once in this plan.
belum-memiliki-indikator = { $a1 } has no indicator yet.
indikator-belum-memiliki-target-tahun = Indicator "{ $a1 }" has no target for { $a2 } yet.
indikator-belum-memiliki-kondisi-awal = Indicator "{ $a1 }" has no baseline yet.
target-indikator-berbeda-dengan-target-rpjmd = The { $year } target of indicator "{ $a1 }" differs from the target in the referenced RPJMD (5-year regional plan).
program-ini-belum-diselaraskan-dengan-sasaran = This programme has not yet been aligned with an objective or programme of the RPJMD (5-year regional plan) in force in { $year }.
jumlah-pagu-rincian-melebihi-pagu-ini = The total { $year } pagu (budget ceiling) of the breakdown exceeds the pagu of this { $a1 }.
total-pagu-sub-kegiatan-tahun-melebihi = The total { $year } pagu (budget ceiling) of { $name }'s sub-activities exceeds the agency's indicative pagu.
belum-memiliki-perangkat-daerah-penanggung-jawab = { $a1 } has no responsible agency yet.
usulan-diakomodir-tanpa-sub-kegiatan-yang = Proposal { $a1 } is accommodated without a sub-activity to take it in.
usulan-diakomodir-ke-item-yang-bukan = Proposal { $a1 } is accommodated in an item that is not a sub-activity of the { $a2 } RKPD (annual regional work plan).
usulan-ditolak-tanpa-alasan = Proposal { $a1 } was rejected without a reason.
kerja-sama-direncanakan-tetapi-belum-ada = Kerja sama (inter-regional cooperation) "{ $a1 }" is planned, but this plan has no item with a pagu (budget ceiling) for { $a2 } yet.

## src/domain/comment.rs
komentar-maksimal-karakter-sekarang = Comments can be at most { $MAX_BODY } characters (currently { $n }).

## src/domain/indicator.rs
bukan-angka-contoh-4-13 = "{ $a1 }" is not a number (e.g. 4,13).
target-rentang-perlu-nilai-minimum-dan = { $year }: a range target needs a minimum and a maximum value.
batas-bawah-lebih-besar-dari-batas = { $year }: the lower bound { $a1 } is greater than the upper bound { $a2 }.
hanya-indikator-rentang-yang-memakai-kisaran = { $year }: only range indicators use a min–max band.
target-turun-dari-padahal-polaritasnya-naik = The { $y1 } target ({ $a1 }) is lower than { $y0 } ({ $a2 }), even though the polarity is up.
target-naik-dari-padahal-polaritasnya-turun = The { $y1 } target ({ $a1 }) is higher than { $y0 } ({ $a2 }), even though the polarity is down.

## src/domain/item.rs
kode-tidak-ada-dalam-nomenklatur-wilayah-2 = Code { $kode } is not in this region's nomenclature (Kepmendagri 050-5889/2021 plus regional additions).

## src/domain/kode.rs
kode-tidak-sesuai-format-nomenklatur-program = Code "{ $s }" does not match the nomenclature format: programme 1.02.02, activity 1.02.02.2.01, sub-activity 1.02.02.2.01.0001.
kode-adalah-kode-bukan = Code { $kode } is at the { $a1 } level, not the { $a2 } level.
kode-harus-diawali-kode-induknya = Code { $kode } must begin with its parent's code { $p }.

## src/domain/map.rs
koordinat-di-luar-bumi = coordinates outside the Earth: { $lat }, { $lng }
kode-wilayah-tidak-sah = invalid region code { $kode }
baris-kode-sudah-ada-di-baris = line { $line }: code { $a1 } already appears on line { $first }

## src/domain/money.rs
bukan-jumlah-rupiah-contoh-1-250 = "{ $a1 }" is not a rupiah amount (e.g. 1.250.000.000).

## src/domain/musrenbang.rs
untuk-rkpd-baru-dibuka-usulan-belum = { $a1 } for the { $year } RKPD (annual regional work plan) has not opened yet ({ $a2 }): proposals cannot be sent or forwarded before then.
untuk-rkpd-sudah-ditutup-usulan-tidak = { $a1 } for the { $year } RKPD (annual regional work plan) has closed ({ $a2 }): proposals can no longer be sent or forwarded. Contact Bappeda (regional planning agency) if the schedule needs to be reopened.

## src/domain/nomenklatur_csv.rs
berkas-melebihi-baris = The file has more than { $MAX_ROWS } rows.
baris-tidak-terbaca = Unreadable row: { $e }
kode-muncul-lebih-dari-sekali-dalam = Code { $kode } appears more than once in the file.

## src/domain/plan.rs
periode-harus-berada-di-dalam-periode = The period must lie within the period of its parent document ({ $period }).
memerlukan-dokumen-induk-dari-wilayah-ini = { $a1 } needs a parent { $a2 } document from this region.

## src/domain/plan_import.rs
lembar-tidak-ditemukan-atau-judul-kolomnya = Sheet "{ $SHEET }" was not found or its column headings ({ $a1 }) have changed. Download a plan worksheet from Selaras (it contains the { $SHEET } sheet) as an example of how to fill it in.
kolom-di-luar-periode-rencana-ini = Column "{ $t }" is outside this plan's period ({ $a1 }–{ $a2 }).
kolom-di-luar-tahun-pagu-rencana = Column "{ $t }" is outside this plan's pagu (budget ceiling) years.
tidak-memiliki-indikator = { $a1 } has no indicator.
polaritas-tidak-dikenal-naik-turun-atau = Polarity "{ $other }" is not recognised (use naik, turun or rentang).
tingkat-tidak-dikenal = Level "{ $tingkat }" is not recognised.
no-dipakai-lebih-dari-sekali = No { $no } is used more than once.
induk-bukan-no-item-di-atas = Parent "{ $s }" is not the No of an item above this row.
tidak-dapat-berada-dalam-yang-diharapkan = { $a1 } cannot be placed { $under } in { $a2 } (expected: { $a3 }).
memerlukan-kode-nomenklatur = { $a1 } needs a nomenclature code.
kode-bukan-kode = Code { $k } is not at the { $a1 } level.
kode-tidak-berada-di-bawah-kode = Code { $k } does not fall under its parent code { $pk }.
prioritas-tidak-dikenal = Priority "{ $t }" is not recognised ({ $a1 }).
tidak-memiliki-pagu = { $a1 } has no pagu (budget ceiling).
lembar-tidak-berisi-item-apa-pun = Sheet "{ $SHEET }" contains no items.
lembar-maupun-baris-sipd-kolom-kode = Neither a "{ $SHEET }" sheet nor SIPD (regional government information system) rows (columns "Kode sub kegiatan", "Nama sub kegiatan", "Pagu { $year }") were found in this file.
kolom-pagu-tidak-ada-baris-sipd = There is no "Pagu { $year }" column: these SIPD (regional government information system) rows are not for { $year }.
kode-bukan-kode-sub-kegiatan = Code { $kode } is not a sub-activity code.
bukan-angka = "{ $t }" is not a number.
kode-tidak-ada-dalam-nomenklatur-wilayah-3 = Code { $k } is not in this region's nomenclature.
lokasi-tidak-dikenal-di-wilayah-ini = Location "{ $a1 }" is not known in this region.
bukan-rentang-contoh-57 = "{ $a1 }" is not a range (e.g. 5–7).

## src/domain/proposal.rs
usulan-ini-sudah-statusnya-tidak-berubah = This proposal is already { $a1 }; its status will not change again.
langkah-ini-tidak-berlaku-untuk-usulan = This step does not apply to proposals that are { $a1 }.
tahun-penundaan-harus-sesudah-paling-lambat = The deferral year must be after { $a1 } (at the latest { $a2 }).
kode-tidak-ada-di-nomenklatur-daerah = Code { $a1 } is not in this region's nomenclature.
judul-kolom-tidak-ditemukan-baris-judul = Column headings not found. The heading row must contain: { $a1 }.
sudah-ada-di-kamus = "{ $a1 }" is already in the catalogue.
nama-ini-juga-ada-di-baris = This name also appears on row { $first }.
usulan-tujuan-sudah = The destination proposal is already { $a1 }.
adalah-usulan-tujuan-itu-sendiri = { $nomor } is the destination proposal itself.
dari-wilayah-atau-tahun-lain-yang = { $nomor } is from another region or year; merged proposals must share the same region and year.

## src/domain/roster.rs
jenis-organisasi-tidak-dikenal = Organisation type "{ $a1 }" is not recognised ({ $kinds }).
peran-tidak-dikenal = Role "{ $a1 }" is not recognised ({ $roles }).

## src/domain/snapshot.rs
indikator-baru-3 = { $owner } · new indicator
kondisi-akhir-2 = { $a1 } ({ $a2 }) · end-of-period target

## src/domain/stage.rs
tidak-memiliki-tahap = { $a1 } has no { $a2 } stage.
rencana-baru-dapat-ditetapkan-dari-tahap = A plan can only be enacted from the Awaiting enactment stage (currently { $a1 }).
adalah-tahap-pertama-tidak-ada-tahap = { $a1 } is the first stage; there is no previous stage.

## src/domain/target_pagu.rs
lembar-ini-bukan-lembar-target-dan = This is not a Selaras targets and pagu (budget ceiling) worksheet: the column heading row ({ $a1 }) was not found. Download the worksheet from the plan page, edit it, then upload it again.
kunci-baris-tidak-dikenal-kolom-ini = Row key "{ $raw_key }" is not recognised; this column must not be changed.
bukan-angka-contoh-4-13-atau = "{ $a1 }" is not a number (e.g. 4,13 or 1250).
angka-tidak-dapat-dibaca = The number { $f } cannot be read.
angka-terlalu-besar-atau-tidak-dapat = The number { $f } is too large or cannot be read.
baris-ini-mengulang-baris-kunci-yang = This row repeats row { $first } (same key).
tahun-di-luar-periode-rencana-ini = Year { $a1 } is outside this plan's period.

## src/domain/user.rs
kata-sandi-minimal-karakter-sekarang = Passwords must have at least { $PASSWORD_MIN_CHARS } characters (currently { $n }).
kata-sandi-maksimal-karakter = Passwords can have at most { $PASSWORD_MAX_CHARS } characters.

## src/web/admin/nomenklatur.rs
kode-sudah-ada-dalam-nomenklatur = Code { $a1 } is already in the nomenclature.
induk-tidak-ada-dalam-nomenklatur-maupun = Parent { $parent } is not in the nomenclature or in this file.

## src/web/alignment.rs
dalam-tidak-diselaraskan-ke-dokumen-lain = { $a1 } in { $a2 } is not aligned with other documents.
pilih-yang-diacu = Choose the { $a1 } it refers to.

## src/web/consultation.rs
masukan-publik-diterima-sampai = Public input is accepted until { $a1 }.
konsultasi-publik-dibuka-pada = The public consultation opens on { $a1 }.
konsultasi-publik-telah-ditutup-pada = The public consultation closed on { $a1 }.

## src/web/feeds.rs
konsultasi-publik-3 = Public consultation: { $a1 }
masukan-diterima-sampai = { $a1 }. Input is accepted until { $a2 }.
masukan-diterima-selama-tahap-ini = { $a1 }. Input is accepted during this stage.

## src/web/home.rs
tahap-berikut = next stage: { $a1 }
jadwal-tahap-ini-berakhir = { $a1 }; { $next }; this stage's schedule ends on { $a2 }
masukan-menunggu-tindak-lanjut = Input awaiting follow-up · { $a1 }
kesalahan-dan-peringatan-pada-cek-terakhir = { $e } errors and { $w } warnings in the latest Cek (plan check), run since the last change.
temuan-cek-untuk-perangkat-daerah-anda = Cek (plan check) findings for your agency · { $a1 }
semua-usulan-di = All proposals in { $name }
masukan-diterima-sampai-2 = Input is accepted until { $a1 }.
dari-masukan-yang-anda-kirim-jawabannya = out of { $a1 } inputs you sent; the answers appear below your input
berubah-sejak-terakhir-anda-tandai = Changed since you last marked it as read: { $a1 }

## src/web/kerja_sama.rs
kerja-sama-daerah-3 = Kerja sama daerah · { $a1 }
status-kerja-sama-ini-baru-saja = The status of this kerja sama (inter-regional cooperation) has just been changed by someone else (now: { $a1 }); your step has not been carried out.
status-kerja-sama-hanya-berpindah-satu = The status of a kerja sama (inter-regional cooperation) can only move one step from { $a1 }.
kode-tidak-ada-dalam-dokumen-yang = Code { $kode } is not in the selected document.

## src/web/maps/mod.rs
peta-lokasi-2 = Location map: { $a1 }
usulan-lain-di = Other proposals in { $a1 }

## src/web/maps/pages.rs
peta-jumlah-usulan-per-wilayah-di = Map of the number of proposals per region in { $a1 }
peta-pagu-tahun-per-wilayah = Map of { $title } pagu for { $year } by region

## src/web/maps/picker.rs
titik-ini-berada-di-luar-batas = This point is outside the boundary of { $nama }. Choose a point inside the proposal's village/urban village.

## src/web/meetings.rs
usulan-ini-di-luar-wilayah = this proposal is outside the area of { $a1 }.
baru-saja-diproses-orang-lain-tidak = { $a1 } has just been processed by someone else; nothing was saved.

## src/web/plans/chart.rs
belum-ada-kondisi-awal-target-atau-realisasi = There is no baseline, target or actual to chart yet ({ $a1 }).
kondisi-awal-2 = Baseline { $y }: { $a1 }

## src/web/plans/imports.rs
target-dan-pagu = Targets and pagu · { $a1 }
tidak-ada-yang-diubah-unggah-lagi = Nothing was changed: { $why } Upload a new worksheet.

## src/web/plans/item_alignment.rs
kode-sama = Same code ({ $k })

## src/web/plans/items.rs
pilih-induk-yang-sah-hanya-dapat = Choose a valid parent: { $a1 } items can only sit directly under the level immediately above.

## src/web/plans/mod.rs
dokumen-rencana-2 = Plan document · { $a1 }

## src/web/plans/reference.rs
acuan-provinsi-tidak-diubah-pilih-provinsi = Provincial reference not changed: choose a provincial { $a1 } that covers the year { $a2 }.

## src/web/plans/removal.rs
indikator-beserta-target-dan-realisasinya = { $a1 } indicators with their targets and actuals.
pagu-item-ini-dan-pagu-item = The pagu (budget ceiling) of this item ({ $pagu }) and of the items below it.
komentar-tetap-tersimpan-dan-terbaca-di = { $a1 } comments stay saved and readable in the plan's comment history.
hapus-indikator = Delete indicator "{ $a1 }"?
hapus-bab = Delete chapter "{ $a1 }"?
hapus-seluruh = Delete the entire { $a1 }?
seluruh-bab-item-beserta-indikator-target = All chapters, { $a1 } items with their indicators, targets and pagu (budget ceiling), and their comments and history will be deleted too. The deletion is recorded in the audit log.

## src/web/plans/stages.rs
rencana-ini-berubah-sejak-halaman-anda = This plan has changed since you opened the page (now: { $a1 }, version { $a2 }). Read the latest version below before enacting it.
tahapan-rencana-ini-baru-saja-diubah = The stage of this plan has just been changed by someone else (now: { $a1 }). Check it, then try again if still needed.
terakhir-anda-tandai-dibaca = Last marked as read by you ({ $a1 })
penyuntingan-terkunci-sampai = Editing is locked until { $a1 }.
penyuntingan-ditutup-sejak = Editing has been closed since { $a1 }.

## src/web/plans/table.rs
nilai-tersimpan = { $n } values saved.
tidak-tersimpan = Not saved: { $why }
tidak-tersimpan-isian-anda = Not saved: { $why } Your entries: { $a1 }.
isian-tidak-dapat-diterima-ditandai = { $a1 } entries cannot be accepted (marked)
baris-diubah-orang-lain-sejak-halaman = { $a1 } rows were changed by someone else since this page was opened (the latest values are now shown; your entries are written in their rows)
belum-ada-yang-disimpan-isian-anda = Nothing has been saved yet: { $a1 }. Your other entries are not lost; fix these, then save again.

## src/web/proposal_files.rs
usulan-ini-sudah-memiliki-lampiran-hapus = This proposal already has { $MAX_FILES } attachments; delete one first.

## src/web/proposal_lineage.rs
usulan-baru-saja-berubah-sehingga-tidak = Proposal { $n } has just changed, so nothing was saved. Open the proposal again and retry.

## src/web/proposals.rs
usulan-pembangunan-2 = Development proposals in { $region }
untuk-mengakomodir-pilih-sub-kegiatan-rkpd = To accommodate it, choose the sub-activity of the { $a1 } RKPD (annual regional work plan) that takes it in.
usulan-ini-baru-saja-diproses-orang = This proposal has just been processed by someone else (now: { $a1 }).
peringkat-berupa-angka-1999-1-paling = The rank of { $a1 } must be a number, 1–999 (1 is the most important).

## src/web/search.rs
komentar-pada = Comment on { $a1 }
atau-operator-desa-pemilik-dokumen = or the village operator that owns the document
atau-perangkat-daerah-pemiliknya = or the owning agency
belum-ada-peran = no role yet
bab-nomor = Chapter
paragraf-nomor = paragraph
contoh-kode-sub-kegiatan = e.g. 1.03.10.2.01.0034
contoh-satuan-meter = e.g. metre
nama-pengguna-boleh-berisi = lower-case letters, digits, full stop, hyphen or underscore
contoh-urusan-pekerjaan-umum = e.g. Public works and spatial planning
contoh-kode-sub-kegiatan-2 = e.g. 1.03.06.2.01.0019

## account/profile.html
bahasa-antarmuka = Interface language
bahasa-halaman-selaras = Language of Selaras pages
simpan-bahasa = Save language
pilihan-ini-tersimpan-di-profil-anda = This choice is kept in your profile and follows you when you sign in on another device. The button at the foot of every page changes it too.
