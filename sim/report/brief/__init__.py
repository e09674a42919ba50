"""The printable Chinese brief: :mod:`.content` decides what it says, :mod:`.document` lays it
out as PDF or HTML, :mod:`.fonts` embeds a CJK font subset."""
