from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: members join through a coordinator's invitation."""

    def is_open_for_signup(self, request):
        return False
