"""The printable Chinese brief: :mod:`.content` decides what it says and :mod:`.charts` draws its
charts; :mod:`.document` lays it out as PDF, :mod:`.html_page` as HTML; :mod:`.fonts` embeds a CJK
font subset."""
