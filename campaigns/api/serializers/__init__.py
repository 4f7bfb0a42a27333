"""Serializers of the tracker API: public reads (``read``, ``figures``) and writes (``write``)."""
