"""Confidentiality explainers: versioned plain-language texts, their delivery to each
client (with teach-back), a printable handout and a public page.

Other apps use ``confide.explainers.models.ExplainerDelivery`` (the latest delivery of a
client is ``ExplainerDelivery.objects.filter(client=client).order_by("-delivered_at")
.first()``) and the ``do_*`` functions of ``confide.explainers.services``.
"""
