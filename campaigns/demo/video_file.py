"""A tiny, valid H.264/MP4 clip written in pure Python (no ffmpeg, no network).

The demo needs a real video file to exercise the player, captions and the "no byte before
play" rule. The picture is stored uncompressed (H.264 I_PCM macroblocks) in one key frame,
followed by "nothing changed" frames: a few kilobytes for a few seconds of video.
"""

import struct

from PIL import Image as PILImage


class BitWriter:
    def __init__(self):
        self.bits = []

    def u(self, count, value):
        self.bits.extend((value >> (count - 1 - i)) & 1 for i in range(count))

    def ue(self, value):
        code = value + 1
        length = code.bit_length()
        self.u(length - 1, 0)
        self.u(length, code)

    def se(self, value):
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def raw(self, data):
        for byte in data:
            self.u(8, byte)

    def trailing(self):
        self.bits.append(1)
        self.align_zero()

    def to_bytes(self):
        out = bytearray()
        for i in range(0, len(self.bits), 8):
            byte = 0
            for bit in self.bits[i : i + 8]:
                byte = (byte << 1) | bit
            out.append(byte)
        return bytes(out)


def nal(ref_idc, kind, rbsp):
    """A NAL unit: header byte, then the payload with emulation-prevention bytes."""
    out = bytearray([(ref_idc << 5) | kind])
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def sps(mbs_wide, mbs_high, crop_bottom):
    w = BitWriter()
    w.u(8, 66)  # Baseline profile
    w.u(8, 0xC0)  # constraint_set0/1
    w.u(8, 30)  # level 3.0
    w.ue(0)  # seq_parameter_set_id
    w.ue(0)  # log2_max_frame_num_minus4
    w.ue(2)  # pic_order_cnt_type
    w.ue(1)  # max_num_ref_frames
    w.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    w.ue(mbs_wide - 1)
    w.ue(mbs_high - 1)
    w.u(1, 1)  # frame_mbs_only_flag
    w.u(1, 1)  # direct_8x8_inference_flag
    w.u(1, 1 if crop_bottom else 0)
    if crop_bottom:
        for offset in (0, 0, 0, crop_bottom):
            w.ue(offset)
    w.u(1, 0)  # vui_parameters_present_flag
    w.trailing()
    return nal(3, 7, w.to_bytes())


def pps():
    w = BitWriter()
    w.ue(0)
    w.ue(0)
    w.u(1, 0)  # CAVLC
    w.u(1, 0)
    w.ue(0)  # one slice group
    w.ue(0)
    w.ue(0)
    w.u(1, 0)
    w.u(2, 0)
    w.se(0)
    w.se(0)
    w.se(0)
    w.u(1, 1)  # deblocking_filter_control_present_flag
    w.u(1, 0)
    w.u(1, 0)
    w.trailing()
    return nal(3, 8, w.to_bytes())


def idr_slice(macroblocks):
    w = BitWriter()
    w.ue(0)  # first_mb_in_slice
    w.ue(7)  # I slice
    w.ue(0)  # pic_parameter_set_id
    w.u(4, 0)  # frame_num
    w.ue(0)  # idr_pic_id
    w.u(1, 0)  # no_output_of_prior_pics_flag
    w.u(1, 0)  # long_term_reference_flag
    w.se(0)  # slice_qp_delta
    w.ue(1)  # deblocking off
    for samples in macroblocks:
        w.ue(25)  # I_PCM
        w.align_zero()
        w.raw(samples)
    w.trailing()
    return nal(3, 5, w.to_bytes())


def skip_slice(frame_num, count):
    w = BitWriter()
    w.ue(0)
    w.ue(5)  # P slice
    w.ue(0)
    w.u(4, frame_num % 16)
    w.u(1, 0)  # num_ref_idx_active_override_flag
    w.u(1, 0)  # ref_pic_list_modification_flag_l0
    w.u(1, 0)  # adaptive_ref_pic_marking_mode_flag
    w.se(0)
    w.ue(1)
    w.ue(count)  # mb_skip_run: every macroblock repeats the previous frame
    w.trailing()
    return nal(2, 1, w.to_bytes())


def pcm_macroblocks(picture):
    """I_PCM samples (limited-range Y, Cb, Cr 4:2:0) of each 16×16 macroblock, in raster order."""
    width, height = picture.size
    y, cb, cr = picture.convert("YCbCr").split()
    cb = cb.resize((width // 2, height // 2), PILImage.Resampling.BOX)
    cr = cr.resize((width // 2, height // 2), PILImage.Resampling.BOX)
    luma = [16 + v * 219 // 255 for v in y.tobytes()]
    chroma = [[16 + v * 224 // 255 for v in plane.tobytes()] for plane in (cb, cr)]
    blocks = []
    for my in range(height // 16):
        for mx in range(width // 16):
            data = bytearray()
            for row in range(16):
                start = (my * 16 + row) * width + mx * 16
                data.extend(luma[start : start + 16])
            for plane in chroma:
                for row in range(8):
                    start = (my * 8 + row) * (width // 2) + mx * 8
                    data.extend(plane[start : start + 8])
            blocks.append(bytes(data))
    return blocks


def box(kind, *parts):
    payload = b"".join(parts)
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind, version, flags, *parts):
    return box(kind, struct.pack(">I", (version << 24) | flags), *parts)


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def mp4(samples, sps_nal, pps_nal, width, height, sample_ms):
    duration = sample_ms * len(samples)
    avcc = box(
        b"avcC",
        bytes([1, 66, 0xC0, 30, 0xFF, 0xE1]),
        struct.pack(">H", len(sps_nal)) + sps_nal,
        bytes([1]) + struct.pack(">H", len(pps_nal)) + pps_nal,
    )
    avc1 = box(
        b"avc1",
        bytes(6) + struct.pack(">H", 1) + bytes(16),
        struct.pack(">HHIIIH", width, height, 0x480000, 0x480000, 0, 1),
        bytes(32),
        struct.pack(">Hh", 0x18, -1),
        avcc,
    )

    def moov(chunk_offset):
        stbl = box(
            b"stbl",
            full_box(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
            full_box(b"stts", 0, 0, struct.pack(">III", 1, len(samples), sample_ms)),
            full_box(b"stss", 0, 0, struct.pack(">II", 1, 1)),
            full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, len(samples), 1)),
            full_box(
                b"stsz",
                0,
                0,
                struct.pack(">II", 0, len(samples)),
                b"".join(struct.pack(">I", len(s)) for s in samples),
            ),
            full_box(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)),
        )
        minf = box(
            b"minf",
            full_box(b"vmhd", 0, 1, bytes(8)),
            box(b"dinf", full_box(b"dref", 0, 0, struct.pack(">I", 1), full_box(b"url ", 0, 1))),
            stbl,
        )
        mdia = box(
            b"mdia",
            full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, 1000, duration, 0x55C4, 0)),
            full_box(b"hdlr", 0, 0, bytes(4), b"vide", bytes(12), b"VideoHandler\0"),
            minf,
        )
        tkhd = full_box(
            b"tkhd",
            0,
            3,
            struct.pack(">IIIII", 0, 0, 1, 0, duration),
            bytes(8),
            struct.pack(">hhhH", 0, 0, 0, 0),
            MATRIX,
            struct.pack(">II", width << 16, height << 16),
        )
        mvhd = full_box(
            b"mvhd",
            0,
            0,
            struct.pack(">IIIIIH", 0, 0, 1000, duration, 0x10000, 0x100),
            bytes(10),
            MATRIX,
            bytes(24),
            struct.pack(">I", 2),
        )
        return box(b"moov", mvhd, box(b"trak", tkhd, mdia))

    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")
    header_size = len(ftyp) + len(moov(0)) + 8
    mdat = box(b"mdat", *samples)
    return ftyp + moov(header_size) + mdat


def make_clip(picture, seconds=3, fps=4):
    """MP4 bytes showing ``picture`` (a Pillow image, sides multiple of 16) for ``seconds``."""
    width, height = picture.size
    coded_height = -(-height // 16) * 16
    canvas = PILImage.new("RGB", (width, coded_height), "black")
    canvas.paste(picture.convert("RGB"), (0, 0))
    macroblocks = pcm_macroblocks(canvas)
    sps_nal = sps(width // 16, coded_height // 16, (coded_height - height) // 2)
    pps_nal = pps()
    frames = [idr_slice(macroblocks)] + [
        skip_slice(n, len(macroblocks)) for n in range(1, seconds * fps)
    ]
    samples = [struct.pack(">I", len(f)) + f for f in frames]
    return mp4(samples, sps_nal, pps_nal, width, height, 1000 // fps)
