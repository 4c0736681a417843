// Generated from the server’s OpenAPI document by `npm run api:types`; do not edit (CI checks it for drift).

export interface paths {
    "/api/analytics/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a widget funnel step; a repeat of a session’s step answers 204 and records nothing
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        post: operations["recordWidgetEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change to the organization’s data: who, what, before and after, from where
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a one-time reset link (answers 202 whether or not the account exists) */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reset-password/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token; ends every session */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user and organization
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization and its admin
         * @description A new email answers 201 with a session. An email that already has an account answers 202 `check_email` (and its owner is told by mail), never saying that the account exists.
         */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search bookings (dates are venue-local)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listBookings"];
        put?: never;
        /**
         * Create a booking; honours Idempotency-Key
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["createBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One booking with customer, game and venue summaries
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getBooking"];
        /**
         * Reschedule or edit a booking; availability is re-checked atomically
         * @description Needs a session with the `staff` role or above.
         */
        put: operations["updateBooking"];
        post?: never;
        /**
         * Cancel a booking (the row is kept) and refund by policy
         * @description Needs a session with the `staff` role or above.
         */
        delete: operations["cancelBooking"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/accept-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the contact details a widget booking gave into its customer (fill a missing phone; replace: name and phone)
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["acceptBookingContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/checkin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the group in
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["checkInBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a checked-in booking completed
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["completeBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a pending booking
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["confirmBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a confirmed booking as a no-show
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["markBookingNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/batch-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set one status on many bookings; each succeeds or fails alone
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["setBookingsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/checkin-by-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a group in from its scanned QR code (booking number and manage token) or a typed booking number
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["checkInBookingByCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a booking exactly as creating it would (nothing is reserved or redeemed)
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["quoteBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List coupons: search by code, filter by active; sorted by code
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["listCoupons"];
        put?: never;
        /**
         * Create a coupon (unknown game or venue ids: 400 with the field)
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["createCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One coupon
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["getCoupon"];
        /**
         * Change a coupon (fields given are changed; null clears a window end or a limit)
         * @description Needs a session with the `manager` role or above.
         */
        put: operations["updateCoupon"];
        post?: never;
        /**
         * Delete a coupon; one that was ever redeemed is archived instead (inactive, hidden, history kept)
         * @description Needs a session with the `manager` role or above.
         */
        delete: operations["deleteCoupon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers: search, filter by segment or tag, sort
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One customer
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getCustomer"];
        /**
         * Change a customer (fields given are changed; null clears email or phone)
         * @description Needs a session with the `staff` role or above.
         */
        put: operations["updateCustomer"];
        post?: never;
        /**
         * Erase a customer (GDPR): personal data removed, bookings kept; manager or above
         * @description Needs a session with the `manager` role or above.
         */
        delete: operations["eraseCustomer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's bookings, newest first
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listCustomerBookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s referral code (made on first read) and what it has brought
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getCustomerReferral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent changes in words, from the audit log
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["listRecentActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/hourly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live bookings of the last 30 days by venue-local start hour
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["getDashboardHourly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last 30 days against the 30 before
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["getDashboardStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today’s bookings with check-in and payment state
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listTodaysBookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookings and money of the last 8 weeks (weeks start on policies.week_start)
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["getDashboardTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next bookings, soonest first
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listUpcomingBookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: the organization’s changes (webhook event types), from any API process; resume with Last-Event-ID
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{dataset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream a dataset as CSV or JSON
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["exportDataset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/games": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List games (archived ones only with include_archived=true)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listGames"];
        put?: never;
        /**
         * Create a game
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["createGame"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/games/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One game (archived ones too)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getGame"];
        /**
         * Change a game (fields given are changed; 422 when archived)
         * @description Needs a session with the `manager` role or above.
         */
        put: operations["updateGame"];
        post?: never;
        /**
         * Archive a game: inactive and hidden from lists; its bookings stay valid
         * @description Needs a session with the `manager` role or above.
         */
        delete: operations["archiveGame"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/games/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookable slots of a game at a venue between two venue-local dates (inclusive, at most 62 days)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List gift cards (manager or above)
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["listGiftCards"];
        put?: never;
        /**
         * Issue a gift card in the organization’s currency
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["createGiftCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One gift card
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["getGiftCard"];
        /**
         * Disable or re-enable a gift card, or change its expiry
         * @description Needs a session with the `manager` role or above.
         */
        put: operations["updateGiftCard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards/{id}/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credit or debit a card with a reason (a debit below zero is 422 insufficient_balance)
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["adjustGiftCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The card’s ledger, newest first
         * @description Needs a session with the `manager` role or above.
         */
        get: operations["listGiftCardTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service and database health */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed delivery again (409 for one that has not failed)
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["retryNotificationDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List message templates
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listNotificationTemplates"];
        put?: never;
        /**
         * Create a template (Liquid; an unknown placeholder or bad syntax is 400 with the line)
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["createNotificationTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One template
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["getNotificationTemplate"];
        /**
         * Replace a template (validated as on create)
         * @description Needs a session with the `admin` role or above.
         */
        put: operations["updateNotificationTemplate"];
        post?: never;
        /**
         * Delete a template: its event falls back to the built-in text
         * @description Needs a session with the `admin` role or above.
         */
        delete: operations["deleteNotificationTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a template with its event's sample data
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["previewNotificationTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-templates/placeholders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The placeholders each event offers, with sample values
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listTemplatePlaceholders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user’s in-app notifications (their own only), newest first
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one notification
         * @description Needs a session with the `staff` role or above.
         */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one notification read
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark every notification read
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which events notify this user, per channel (absent: on)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getNotificationSettings"];
        /**
         * Replace this user’s notification settings
         * @description Needs a session with the `staff` role or above.
         */
        put: operations["updateNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current organization
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getOrganization"];
        /**
         * Change business info, time zone, currency, branding and policies (fields given are changed)
         * @description Needs a session with the `admin` role or above.
         */
        put: operations["updateOrganization"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments and refunds (dates in the organization’s zone)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a desk payment, pay from a gift card, or open a Stripe PaymentIntent; honours Idempotency-Key
         * @description Needs a session with the `staff` role or above.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment with its refunds
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund part or all of what is left of a payment (Stripe payments through Stripe, gift-card payments to the card)
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/bookings/{booking_number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s booking, opened with its manage token (404 for a wrong token, as for an unknown number)
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        get: operations["getManagedBooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/bookings/{booking_number}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel under the organization’s cancellation policy
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        post: operations["cancelManagedBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A venue’s calendar feed (iCalendar, RFC 5545): its live bookings, no customer data
         * @description The secret URL `POST /api/venues/{id}/calendar-feed` makes. `text/calendar; charset=utf-8`, bookings from 60 days back to 365 days ahead in the venue’s time zone. Answers 304 to a matching `If-None-Match`. An unknown or replaced token is 404. Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        get: operations["getCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/holds/{hold_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release a hold: the slot is free at once
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        delete: operations["releaseHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe link of every customer mail: turns the customer’s booking messages off (or one channel)
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        get: operations["unsubscribe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The widget’s venue, organization branding and active games
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        get: operations["getWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a slot; returns a manage token to view or cancel it. Honours Idempotency-Key
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        post: operations["createWidgetBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}/games/{game_id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookable slots, as the admin endpoint answers them
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        get: operations["getWidgetAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}/gift-cards/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A gift card’s balance (rate limited: 10 look-ups per minute per client address; unknown codes are 404) */
        get: operations["getGiftCardBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold a slot during checkout (HOLD_MINUTES, default 10): it counts as taken for everyone else
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        post: operations["createHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/venues/{embed_key}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a booking exactly as booking it would (codes are checked, not used)
         * @description Limited to 120 requests per minute per client address (429 `rate_limited` past it).
         */
        post: operations["quoteWidgetBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookings by status, game, venue and source, with occupancy per game
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getBookingsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customer segments, and new against returning customers per period
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getCustomersReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Widget sessions per step (view, slot, checkout, booking) and the conversion between steps
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getFunnelReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coupon redemptions and discounts; gift cards issued, redeemed and outstanding
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getPromotionsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Money received, refunded and net by period and method, from payment rows
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getRevenueReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per user: bookings created, check-ins made, money taken
         * @description Needs a session with the `manager` role or above.  `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).
         */
        get: operations["getStaffReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stripe events (verified with Stripe-Signature); each event is applied once, in any order */
        post: operations["receiveStripeEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add a user to the organization
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["getUser"];
        /**
         * Change a user (fields given are changed)
         * @description Needs a session with the `admin` role or above.
         */
        put: operations["updateUser"];
        post?: never;
        /**
         * Deactivate a user and end their sessions
         * @description Needs a session with the `admin` role or above.
         */
        delete: operations["deactivateUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List venues (archived ones only with include_archived=true)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["listVenues"];
        put?: never;
        /**
         * Create a venue
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["createVenue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One venue (archived ones too)
         * @description Needs a session with the `staff` role or above.
         */
        get: operations["getVenue"];
        /**
         * Change a venue (fields given are changed; 422 when archived)
         * @description Needs a session with the `manager` role or above.
         */
        put: operations["updateVenue"];
        post?: never;
        /**
         * Archive a venue: hidden from lists, its embed key stops working
         * @description Needs a session with the `manager` role or above.
         */
        delete: operations["archiveVenue"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues/{id}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new secret iCalendar feed URL of the venue’s bookings; the previous URL stops working at once
         * @description Needs a session with the `manager` role or above. The URL is shown once (only a hash of its token is kept). Calendar apps (Google, Apple, Outlook) subscribe to it; it holds the venue’s live bookings from 60 days back to 365 days ahead, without customer data.
         */
        post: operations["createVenueCalendarFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues/{id}/rotate-embed-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the venue a new embed key; the old one stops working
         * @description Needs a session with the `manager` role or above.
         */
        post: operations["rotateVenueEmbedKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outgoing webhook endpoints
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add an endpoint; its signing secret is shown once, here
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One endpoint
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["getWebhook"];
        /**
         * Change an endpoint (active: true re-enables one that was disabled)
         * @description Needs a session with the `admin` role or above.
         */
        put: operations["updateWebhook"];
        post?: never;
        /**
         * Remove an endpoint and its deliveries
         * @description Needs a session with the `admin` role or above.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint’s deliveries, newest first
         * @description Needs a session with the `admin` role or above.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again (same webhook-id)
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret, shown once; the old one stops signing at once
         * @description Needs a session with the `admin` role or above.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditLog: {
            /** @enum {string} */
            action: "insert" | "update" | "delete";
            /** @description The signed-in user who made the change; null for the widget, webhooks and the server’s own tools */
            actor_id: string | null;
            /** @description The signed-in user’s role (super_admin, admin, manager, staff); `public` for the widget, `stripe` for its webhook, `system` for the server’s own tools */
            actor_role: string | null;
            after: {
                [key: string]: unknown;
            } | null;
            before: {
                [key: string]: unknown;
            } | null;
            /**
             * @deprecated
             * @description Deprecated: `ip`
             */
            client_ip: string | null;
            /**
             * Format: date-time
             * @deprecated
             * @description Deprecated: `occurred_at`
             */
            created_at: string;
            id: number;
            /** @description The client’s address */
            ip: string | null;
            /**
             * Format: date-time
             * @description When the change was committed
             */
            occurred_at: string;
            organization_id: string | null;
            /** @description The changed row’s id; null for a bulk load’s summary entry */
            record_id: string | null;
            request_id: string | null;
            /**
             * @deprecated
             * @description Deprecated: `record_id`
             */
            row_id: string | null;
            table_name: string;
            user_agent: string | null;
            /**
             * @deprecated
             * @description Deprecated: `actor_id`
             */
            user_id: string | null;
        };
        Availability: {
            /** Format: uuid */
            game_id: string;
            party_size: number;
            slots: {
                available: boolean;
                /** Format: date */
                booking_date: string;
                /** Format: date-time */
                end_at: string;
                end_time: string;
                price_cents: number;
                remaining_capacity: number;
                /** Format: date-time */
                start_at: string;
                start_time: string;
            }[];
            timezone: string;
            /** Format: uuid */
            venue_id: string;
        };
        Booking: {
            /** @description Received, net of refunds: the sum of the booking’s payment rows */
            amount_paid: number;
            /** Format: date */
            booking_date: string;
            booking_number: string;
            cancelled_at: string | null;
            checked_in_at: string | null;
            contact: {
                full_name: string | null;
                phone: string | null;
            } | null;
            coupon_code: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            currency: string;
            customer: {
                email: string | null;
                full_name: string;
                /** Format: uuid */
                id: string;
                phone: string | null;
            };
            /** Format: uuid */
            customer_id: string;
            discount_amount: number;
            /** Format: date-time */
            end_at: string;
            end_time: string;
            /** @description What the booking costs: subtotal - discount (+ tax when prices exclude it) */
            final_amount: number;
            game: {
                duration_minutes: number;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** Format: uuid */
            game_id: string;
            /** Format: uuid */
            id: string;
            notes: string;
            /** Format: uuid */
            organization_id: string;
            party_size: number;
            /** @description A pending online checkout: when its slot is released unless paid */
            payment_due_by: string | null;
            /** @enum {string} */
            payment_status: "pending" | "paid" | "partial" | "refunded";
            /** @description Refunded: the sum of the booking’s succeeded refund rows */
            refund_amount: number;
            /** @enum {string} */
            source: "admin" | "widget" | "api";
            /** Format: date-time */
            start_at: string;
            start_time: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
            /** @description Tax on the discounted subtotal (contained in it when prices include tax) */
            tax_amount: number;
            timezone: string;
            /** @description Subtotal before discount and tax (minor units) */
            total_amount: number;
            /** Format: date-time */
            updated_at: string;
            venue: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** Format: uuid */
            venue_id: string;
        };
        Coupon: {
            active: boolean;
            code: string;
            /** Format: date-time */
            created_at: string;
            game_ids: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "percent" | "fixed";
            max_per_customer: number | null;
            max_redemptions: number | null;
            min_party_size: number;
            /** @description Live redemptions: bookings that used the code and were not cancelled */
            redemptions: number;
            /** Format: date-time */
            updated_at: string;
            valid_from: string | null;
            valid_to: string | null;
            value: number;
            venue_ids: string[];
        };
        CreatedPayment: {
            amount_cents: number;
            /** Format: uuid */
            booking_id: string;
            /** @description Stripe only: confirm it with Stripe.js */
            client_secret: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            currency: string;
            gift_card_id: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "payment" | "refund";
            /** @enum {string} */
            method: "cash" | "card_present" | "stripe" | "gift_card" | "other";
            note: string;
            /** @description For a refund: the payment it returns */
            parent_id: string | null;
            /** @description Stripe PaymentIntent or Refund id; the gift card id for gift-card rows */
            provider_ref: string | null;
            reason: string | null;
            /** @description For a payment: what its succeeded and pending refunds return */
            refunded_cents: number;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            updated_at: string;
        };
        Customer: {
            /** Format: date-time */
            created_at: string;
            email: string | null;
            first_booking_at: string | null;
            full_name: string;
            /** Format: uuid */
            id: string;
            last_booking_at: string | null;
            lifetime_value_cents: number;
            marketing_opt_in: boolean;
            notes: string;
            /** @description Which booking messages the customer receives (the unsubscribe link turns them off) */
            notification_preferences: {
                email: boolean;
                sms: boolean;
            };
            phone: string | null;
            rfm: components["schemas"]["CustomerRfm"];
            /**
             * @description Derived on read from the statistics and the clock; see the README for the rules
             * @enum {string}
             */
            segment: "vip" | "regular" | "new" | "inactive";
            tags: string[];
            total_bookings: number;
            /** Format: date-time */
            updated_at: string;
        };
        CustomerRfm: {
            frequency: number;
            monetary: number;
            recency: number;
            /** @description recency + frequency + monetary */
            score: number;
        };
        DashboardStats: {
            average_party_size: {
                /** @description null when previous is 0 and value is not */
                change_percent: number | null;
                previous: number;
                value: number;
            };
            bookings: {
                /** @description null when previous is 0 and value is not */
                change_percent: number | null;
                previous: number;
                value: number;
            };
            cancellation_rate: {
                change_percent: number | null;
                previous: number | null;
                value: number | null;
            };
            new_customers: {
                /** @description null when previous is 0 and value is not */
                change_percent: number | null;
                previous: number;
                value: number;
            };
            /** @description booked slot time over the availability grid’s offered slot time (docs/reports.md) */
            occupancy_rate: {
                change_percent: number | null;
                previous: number | null;
                value: number | null;
            };
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            players: {
                /** @description null when previous is 0 and value is not */
                change_percent: number | null;
                previous: number;
                value: number;
            };
            previous_period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            revenue_cents: {
                /** @description null when previous is 0 and value is not */
                change_percent: number | null;
                previous: number;
                value: number;
            };
            timezone: string;
        };
        DeskBooking: {
            amount_due: number;
            amount_paid: number;
            /** Format: date */
            booking_date: string;
            booking_number: string;
            checked_in: boolean;
            checked_in_at: string | null;
            customer_name: string;
            /** Format: date-time */
            end_at: string;
            end_time: string;
            final_amount: number;
            game_name: string;
            /** Format: uuid */
            id: string;
            party_size: number;
            /** @enum {string} */
            payment_status: "pending" | "paid" | "partial" | "refunded";
            /** Format: date-time */
            start_at: string;
            start_time: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
            venue_name: string;
        };
        Error: {
            /**
             * @description What happened, for programs: one of the codes this status answers (see each response)
             * @enum {string}
             */
            code: "validation_failed" | "invalid_signature" | "unauthenticated" | "forbidden" | "not_found" | "slot_unavailable" | "invalid_transition" | "already_exists" | "idempotency_conflict" | "conflict" | "limit_reached" | "hold_expired" | "payload_too_large" | "unsupported_media_type" | "rule_violation" | "invalid_code" | "insufficient_balance" | "rate_limited" | "internal" | "bad_gateway" | "service_unavailable";
            /**
             * @description The status’s title
             * @enum {string}
             */
            error: "Bad Request" | "Unauthorized" | "Forbidden" | "Not Found" | "Conflict" | "Payload Too Large" | "Unsupported Media Type" | "Unprocessable Entity" | "Too Many Requests" | "Internal Server Error" | "Bad Gateway" | "Service Unavailable";
            /** @description 400 validation_failed: what is wrong, by field path (`body.customer.email`, `query.from`, `headers.x-organization-id`) */
            fields?: {
                [key: string]: string;
            };
            message: string;
            /** @description 500 only: quote it to the operator (the same as the x-request-id header) */
            request_id?: string;
        };
        FunnelReport: {
            /** Format: date */
            from: string;
            /** @description booking_completed over widget_view; null when there was no view */
            overall_conversion_rate: number | null;
            steps: {
                /** @description sessions over the previous step’s, four decimals; null for the first step or when the previous is 0 */
                conversion_rate: number | null;
                /** @description Sessions that reached this step in the period (each counted once) */
                sessions: number;
                /** @enum {string} */
                type: "widget_view" | "slot_selected" | "checkout_started" | "booking_completed";
            }[];
            timezone: string;
            /** Format: date */
            to: string;
        };
        Game: {
            active: boolean;
            archived_at: string | null;
            /** @enum {string} */
            booking_mode: "private" | "shared";
            buffer_minutes: number;
            /** Format: date-time */
            created_at: string;
            description: string;
            duration_minutes: number;
            /** Format: uuid */
            id: string;
            max_advance_days: number;
            max_players: number;
            min_notice_minutes: number;
            min_players: number;
            name: string;
            /** Format: uuid */
            organization_id: string;
            price_cents: number;
            price_rules: components["schemas"]["PriceRule"][];
            /** @enum {string} */
            pricing: "per_player" | "flat";
            /** @description Effective step between slot starts (duration + buffer unless set) */
            slot_interval_minutes: number;
            /** Format: date-time */
            updated_at: string;
            /** @description Linked venues that are not archived */
            venue_ids: string[];
            venue_prices: {
                price_cents: number;
                /** Format: uuid */
                venue_id: string;
            }[];
        };
        GiftCard: {
            balance_cents: number;
            /** @description 16 characters, in full: only managers reach these routes */
            code: string;
            /** Format: date-time */
            created_at: string;
            currency: string;
            customer_id: string | null;
            expires_at: string | null;
            /** Format: uuid */
            id: string;
            initial_balance_cents: number;
            note: string | null;
            recipient_email: string | null;
            recipient_name: string | null;
            /**
             * @description expired is derived at read time from expires_at; disabled is set by a manager
             * @enum {string}
             */
            status: "active" | "disabled" | "expired";
            /** Format: date-time */
            updated_at: string;
        };
        GiftCardAdjusted: {
            gift_card: components["schemas"]["GiftCard"];
            transaction: components["schemas"]["GiftCardTransaction"];
        };
        GiftCardTransaction: {
            /** @description Signed: issue, refund and credits > 0; redemptions and debits < 0 */
            amount_cents: number;
            balance_after_cents: number;
            booking_id: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "issue" | "redeem" | "refund" | "adjust";
            reason: string | null;
        };
        Hold: {
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            hold_id: string;
            token: string;
        };
        InAppNotification: {
            body: string;
            /** Format: date-time */
            created_at: string;
            event: string;
            /** Format: uuid */
            id: string;
            read_at: string | null;
            record: {
                id: string;
                table: string;
            } | null;
            title: string;
        };
        NotificationSettings: {
            "booking.cancelled"?: {
                email?: boolean;
                in_app?: boolean;
            };
            "booking.created"?: {
                email?: boolean;
                in_app?: boolean;
            };
            "webhook.disabled"?: {
                email?: boolean;
                in_app?: boolean;
            };
        };
        Organization: {
            address: {
                city?: string;
                country?: string;
                line1?: string;
                line2?: string;
                postal_code?: string;
                region?: string;
            };
            branding: {
                logo_url?: string | null;
                primary_color?: string;
                widget_title?: string;
            };
            /** Format: date-time */
            created_at: string;
            currency: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            phone: string | null;
            policies: {
                accept_cash: boolean;
                allow_cancel_inside_window: boolean;
                cancellation_window_hours: number;
                deposit_percent: number;
                no_show_fee_percent: number;
                /** @enum {string} */
                payment_mode: "none" | "deposit" | "required";
                referral_reward_cents: number;
                refund_percent_inside_window: number;
                refund_percent_outside_window: number;
                reminder_offsets_minutes: number[];
                terms?: string;
                /** @enum {string} */
                week_start: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
            };
            slug: string;
            tax: {
                inclusive: boolean;
                rate_bps: number;
            };
            timezone: string;
            /** Format: date-time */
            updated_at: string;
        };
        Payment: {
            amount_cents: number;
            /** Format: uuid */
            booking_id: string;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            currency: string;
            gift_card_id: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "payment" | "refund";
            /** @enum {string} */
            method: "cash" | "card_present" | "stripe" | "gift_card" | "other";
            note: string;
            /** @description For a refund: the payment it returns */
            parent_id: string | null;
            /** @description Stripe PaymentIntent or Refund id; the gift card id for gift-card rows */
            provider_ref: string | null;
            reason: string | null;
            /** @description For a payment: what its succeeded and pending refunds return */
            refunded_cents: number;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            updated_at: string;
        };
        PaymentWithRefunds: {
            amount_cents: number;
            /** Format: uuid */
            booking_id: string;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            currency: string;
            gift_card_id: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "payment" | "refund";
            /** @enum {string} */
            method: "cash" | "card_present" | "stripe" | "gift_card" | "other";
            note: string;
            /** @description For a refund: the payment it returns */
            parent_id: string | null;
            /** @description Stripe PaymentIntent or Refund id; the gift card id for gift-card rows */
            provider_ref: string | null;
            reason: string | null;
            /** @description For a payment: what its succeeded and pending refunds return */
            refunded_cents: number;
            refunds: components["schemas"]["Payment"][];
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            updated_at: string;
        };
        PriceRule: {
            /** @description Venue-local start of the window (inclusive) */
            from: string;
            /** @description Integer minor units of the organization’s currency */
            price_cents: number;
            /** @description Venue-local end of the window (exclusive) */
            to: string | "24:00";
            /** @description 0 = Sunday */
            weekdays: number[];
        };
        PublicBooking: {
            amount_paid: number;
            /** Format: date */
            booking_date: string;
            booking_number: string;
            currency: string;
            discount_amount: number;
            /** Format: date-time */
            end_at: string;
            end_time: string;
            final_amount: number;
            game: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            party_size: number;
            payment_due_by: string | null;
            /** @enum {string} */
            payment_status: "pending" | "paid" | "partial" | "refunded";
            refund_amount: number;
            /** Format: date-time */
            start_at: string;
            start_time: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
            tax_amount: number;
            timezone: string;
            total_amount: number;
            venue: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        PublicBookingCreated: {
            amount_paid: number;
            /** Format: date */
            booking_date: string;
            booking_number: string;
            currency: string;
            discount_amount: number;
            /** Format: date-time */
            end_at: string;
            end_time: string;
            final_amount: number;
            game: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            manage_token: string;
            party_size: number;
            /** @description An online checkout (policies.payment_mode): confirm it with Stripe’s Payment Element before payment_due_by */
            payment: {
                amount_cents: number;
                client_secret: string;
                /** @description Stripe.js’s key for the Payment Element (STRIPE_PUBLISHABLE_KEY); null when not configured */
                publishable_key: string | null;
            } | null;
            payment_due_by: string | null;
            /** @enum {string} */
            payment_status: "pending" | "paid" | "partial" | "refunded";
            refund_amount: number;
            /** Format: date-time */
            start_at: string;
            start_time: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
            tax_amount: number;
            timezone: string;
            total_amount: number;
            venue: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        PublicGame: {
            /** @enum {string} */
            booking_mode: "private" | "shared";
            description: string;
            duration_minutes: number;
            /** Format: uuid */
            id: string;
            max_players: number;
            min_players: number;
            name: string;
            price_cents: number;
            price_rules: components["schemas"]["PriceRule"][];
            /** @enum {string} */
            pricing: "per_player" | "flat";
        };
        PublicGiftCardBalance: {
            balance_cents: number;
            currency: string;
            expires_at: string | null;
            /**
             * @description expired is derived at read time from expires_at; disabled is set by a manager
             * @enum {string}
             */
            status: "active" | "disabled" | "expired";
        };
        PublicVenue: {
            address: {
                city?: string;
                country?: string;
                line1?: string;
                line2?: string;
                postal_code?: string;
                region?: string;
            };
            closures: {
                close?: string;
                /** Format: date */
                date: string;
                open?: string;
            }[];
            /** Format: uuid */
            id: string;
            name: string;
            operating_hours: {
                close: string;
                open: string;
                weekday: number;
            }[];
            phone: string | null;
            /** @description The venue’s `settings.public` */
            settings: {
                [key: string]: unknown;
            };
            timezone: string;
        };
        PublicWidget: {
            games: components["schemas"]["PublicGame"][];
            organization: {
                branding: {
                    logo_url?: string | null;
                    primary_color?: string;
                    widget_title?: string;
                };
                currency: string;
                name: string;
                policies: {
                    accept_cash: boolean;
                    allow_cancel_inside_window: boolean;
                    cancellation_window_hours: number;
                    deposit_percent: number;
                    no_show_fee_percent: number;
                    /** @enum {string} */
                    payment_mode: "none" | "deposit" | "required";
                    referral_reward_cents: number;
                    refund_percent_inside_window: number;
                    refund_percent_outside_window: number;
                    reminder_offsets_minutes: number[];
                    terms?: string;
                    /** @enum {string} */
                    week_start: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                };
            };
            venue: components["schemas"]["PublicVenue"];
        };
        Quote: {
            amount_due_cents: number;
            currency: string;
            discount_cents: number;
            gift_card_cents: number;
            lines: {
                amount_cents: number;
                description: string;
                /** @enum {string} */
                kind: "item" | "discount" | "tax" | "gift_card";
            }[];
            subtotal_cents: number;
            tax_cents: number;
            total_cents: number;
            unit_price_cents: number;
        };
        ReferralSummary: {
            /** @description The customer’s own referral code, REF-XXXXXX (made on first read, then fixed) */
            code: string;
            /** @description Customers who came with this code */
            referred_count: number;
            /** @description Of those, referrals that earned this customer a gift card */
            rewarded_count: number;
        };
        User: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: email */
            email: string;
            full_name: string;
            /** Format: uuid */
            id: string;
            organization_id: string | null;
            /** @enum {string} */
            role: "super_admin" | "admin" | "manager" | "staff";
        };
        Venue: {
            address: {
                city?: string;
                country?: string;
                line1?: string;
                line2?: string;
                postal_code?: string;
                region?: string;
            };
            archived_at: string | null;
            closures: {
                close?: string;
                /** Format: date */
                date: string;
                open?: string;
            }[];
            /** Format: date-time */
            created_at: string;
            /** @description Public key of the booking widget; generated, read-only, rotatable */
            embed_key: string;
            /** Format: uuid */
            id: string;
            name: string;
            operating_hours: {
                close: string;
                open: string;
                weekday: number;
            }[];
            /** Format: uuid */
            organization_id: string;
            phone: string | null;
            settings: {
                [key: string]: unknown;
            };
            timezone: string;
            /** Format: date-time */
            updated_at: string;
        };
        Webhook: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            description: string;
            disabled_reason: string | null;
            events: ("booking.created" | "booking.updated" | "booking.cancelled" | "booking.checked_in" | "payment.succeeded" | "payment.refunded" | "customer.created" | "waiver.signed")[];
            /** @description Consecutive failed deliveries; the endpoint is disabled at WEBHOOK_DISABLE_AFTER */
            failure_streak: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            delivered_at: string | null;
            /** @description The webhook-id header: receivers deduplicate by it */
            event_id: string;
            /** Format: uuid */
            id: string;
            last_error: string | null;
            next_attempt_at: string | null;
            response_status: number | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            type: string;
        };
        WebhookWithSecret: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            description: string;
            disabled_reason: string | null;
            events: ("booking.created" | "booking.updated" | "booking.cancelled" | "booking.checked_in" | "payment.succeeded" | "payment.refunded" | "customer.created" | "waiver.signed")[];
            /** @description Consecutive failed deliveries; the endpoint is disabled at WEBHOOK_DISABLE_AFTER */
            failure_streak: number;
            /** Format: uuid */
            id: string;
            /** @description whsec_…: verify signatures with it (Standard Webhooks) */
            secret: string;
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
    };
    responses: {
        /** @description Bad Gateway: `code` is `bad_gateway`. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflict: `code` is `slot_unavailable`, `invalid_transition`, `already_exists`, `idempotency_conflict`, `conflict`, `limit_reached`, `hold_expired`. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden: `code` is `forbidden`. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal Server Error: `code` is `internal`. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not Found: `code` is `not_found`. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Payload Too Large: `code` is `payload_too_large`. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Service Unavailable: `code` is `service_unavailable`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too Many Requests: `code` is `rate_limited`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized: `code` is `unauthenticated`. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unprocessable Entity: `code` is `rule_violation`, `invalid_code`, `insufficient_balance`. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
        OrganizationId: string;
    };
    requestBodies: {
        AcceptBookingContact: {
            content: {
                "application/json": {
                    /**
                     * @description Replace the customer's name and phone instead of only filling a missing phone
                     * @default false
                     */
                    replace?: boolean;
                };
            };
        };
        AdjustGiftCard: {
            content: {
                "application/json": {
                    /** @description Credit (> 0) or debit (< 0); a debit below a zero balance is 422 insufficient_balance */
                    amount_cents: number;
                    reason: string;
                };
            };
        };
        CancelManagedBooking: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        CheckInBookingByCode: {
            content: {
                "application/json": {
                    /** @description A scanned QR code (`<booking_number>:<manage_token>`) or a typed booking number */
                    code: string;
                };
            };
        };
        ConfirmPasswordReset: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        CreateBooking: {
            content: {
                "application/json": {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    /** Format: uuid */
                    customer_id: string;
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /**
                     * @default admin
                     * @enum {string}
                     */
                    source?: "admin" | "api";
                    /** Format: date-time */
                    start_at: string;
                    /**
                     * @default confirmed
                     * @enum {string}
                     */
                    status?: "pending" | "confirmed";
                    /** Format: uuid */
                    venue_id: string;
                } | {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /**
                     * @default admin
                     * @enum {string}
                     */
                    source?: "admin" | "api";
                    /** Format: date-time */
                    start_at: string;
                    /**
                     * @default confirmed
                     * @enum {string}
                     */
                    status?: "pending" | "confirmed";
                    /** Format: uuid */
                    venue_id: string;
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    /** Format: uuid */
                    customer_id: string;
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /**
                     * @default admin
                     * @enum {string}
                     */
                    source?: "admin" | "api";
                    start_time: string;
                    /**
                     * @default confirmed
                     * @enum {string}
                     */
                    status?: "pending" | "confirmed";
                    /** Format: uuid */
                    venue_id: string;
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /**
                     * @default admin
                     * @enum {string}
                     */
                    source?: "admin" | "api";
                    start_time: string;
                    /**
                     * @default confirmed
                     * @enum {string}
                     */
                    status?: "pending" | "confirmed";
                    /** Format: uuid */
                    venue_id: string;
                };
            };
        };
        CreateCoupon: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description Unique per organization, compared case-insensitively; matched without regard to case */
                    code: string;
                    /** @description The organization's games the coupon applies to; empty = every game */
                    game_ids?: string[];
                    /**
                     * @description percent: value is whole percent off the subtotal; fixed: value is minor units off
                     * @enum {string}
                     */
                    kind: "percent" | "fixed";
                    /** @description Live redemptions per customer; null = unlimited */
                    max_per_customer?: number | null;
                    /** @description Live redemptions in total; null = unlimited */
                    max_redemptions?: number | null;
                    min_party_size?: number;
                    /** @description First instant the code works (inclusive); null = already */
                    valid_from?: string | null;
                    /** @description Instant the code stops working (exclusive); null = never */
                    valid_to?: string | null;
                    /** @description percent: 1-100; fixed: 1-10000000 minor units */
                    value: number;
                    /** @description The organization's venues the coupon applies to; empty = every venue */
                    venue_ids?: string[];
                };
            };
        };
        CreateCustomer: {
            content: {
                "application/json": {
                    email?: string | null;
                    full_name: string;
                    marketing_opt_in?: boolean;
                    notes?: string;
                    notification_preferences?: {
                        email: boolean;
                        sms: boolean;
                    };
                    phone?: string | null;
                    tags?: string[];
                };
            };
        };
        CreateGame: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @enum {string} */
                    booking_mode?: "private" | "shared";
                    /** @description Turnover after each booking */
                    buffer_minutes?: number;
                    description?: string;
                    duration_minutes: number;
                    max_advance_days?: number;
                    max_players: number;
                    min_notice_minutes?: number;
                    min_players?: number;
                    name: string;
                    /** @description Integer minor units of the organization’s currency */
                    price_cents: number;
                    /** @description Weekday/time-of-day prices, venue-local; the first match replaces price_cents */
                    price_rules?: components["schemas"]["PriceRule"][];
                    /** @enum {string} */
                    pricing?: "per_player" | "flat";
                    /** @description null = duration + buffer */
                    slot_interval_minutes?: number | null;
                    /** @description Venues of this organization where the game is offered; replaces the links on update */
                    venue_ids?: string[];
                    /** @description Venue-specific prices for linked venues; replaces all overrides on update */
                    venue_prices?: {
                        /** @description Integer minor units of the organization’s currency */
                        price_cents: number;
                        /** Format: uuid */
                        venue_id: string;
                    }[];
                };
            };
        };
        CreateGiftCard: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customer_id?: string;
                    /** @description Must lie in the future; absent or null: never expires */
                    expires_at?: string | null;
                    initial_balance_cents: number;
                    note?: string;
                    /** Format: email */
                    recipient_email?: string;
                    recipient_name?: string;
                };
            };
        };
        CreateHold: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    game_id: string;
                    party_size: number;
                    /** Format: date-time */
                    start_at: string;
                };
            };
        };
        CreateNotificationTemplate: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    /**
                     * @description Liquid; values are HTML-escaped; null for SMS
                     * @default null
                     */
                    body_html?: string | null;
                    /** @description Liquid; the plain-text body (the whole message for SMS) */
                    body_text: string;
                    /**
                     * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                     * @enum {string}
                     */
                    channel: "email" | "sms";
                    /**
                     * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                     * @enum {string}
                     */
                    event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                    /** @default en */
                    locale?: string;
                    /**
                     * @description Liquid; required for email, null for SMS
                     * @default null
                     */
                    subject?: string | null;
                };
            };
        };
        CreatePayment: {
            content: {
                "application/json": {
                    /** @description Integer minor units of the organization’s currency */
                    amount_cents: number;
                    /** Format: uuid */
                    booking_id: string;
                    /** @description For method gift_card: the card to pay from */
                    gift_card_code?: string;
                    /** @enum {string} */
                    method: "cash" | "card_present" | "stripe" | "gift_card" | "other";
                    note?: string;
                };
            };
        };
        CreateUser: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    full_name: string;
                    password?: string;
                    /** @enum {string} */
                    role: "admin" | "manager" | "staff";
                };
            };
        };
        CreateVenue: {
            content: {
                "application/json": {
                    address?: {
                        city?: string;
                        country?: string;
                        line1?: string;
                        line2?: string;
                        postal_code?: string;
                        region?: string;
                    };
                    closures?: {
                        close?: string | "24:00";
                        /** Format: date */
                        date: string;
                        open?: string;
                    }[];
                    name: string;
                    operating_hours?: {
                        close: string | "24:00";
                        open: string;
                        weekday: number;
                    }[];
                    phone?: string | null;
                    /** @description Free-form settings. Replaced as a whole on update. Keys under `public` are shown by the public widget API. */
                    settings?: {
                        [key: string]: unknown;
                    };
                    timezone: string;
                };
            };
        };
        CreateWebhook: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    description?: string;
                    /** @description The event types to receive; waiver.signed may be subscribed to but is never sent yet (this version has no waivers) */
                    events: ("booking.created" | "booking.updated" | "booking.cancelled" | "booking.checked_in" | "payment.succeeded" | "payment.refunded" | "customer.created" | "waiver.signed")[];
                    /**
                     * Format: uri
                     * @description http(s); must resolve to public addresses
                     */
                    url: string;
                };
            };
        };
        CreateWidgetBooking: {
            content: {
                "application/json": {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /** Format: date-time */
                    start_at: string;
                } | {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    /** Format: uuid */
                    hold_id: string;
                    hold_token: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    /** Format: date-time */
                    start_at: string;
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    start_time: string;
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    customer: {
                        /** Format: email */
                        email: string;
                        full_name: string;
                        phone?: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    /** Format: uuid */
                    hold_id: string;
                    hold_token: string;
                    notes?: string;
                    party_size: number;
                    /** @description Another customer’s referral code (a new customer’s first booking) */
                    referral_code?: string;
                    start_time: string;
                };
            };
        };
        Login: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        QuoteBooking: {
            content: {
                "application/json": {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    /**
                     * Format: uuid
                     * @description For per-customer coupon limits
                     */
                    customer_id?: string;
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    party_size: number;
                    /** Format: date-time */
                    start_at: string;
                    /** Format: uuid */
                    venue_id: string;
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    /**
                     * Format: uuid
                     * @description For per-customer coupon limits
                     */
                    customer_id?: string;
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    party_size: number;
                    start_time: string;
                    /** Format: uuid */
                    venue_id: string;
                };
            };
        };
        QuoteWidgetBooking: {
            content: {
                "application/json": {
                    /** @description A coupon of the organization (case-insensitive) */
                    coupon_code?: string;
                    /** @description For per-customer coupon limits */
                    customer?: {
                        /** Format: email */
                        email: string;
                    };
                    /** Format: uuid */
                    game_id: string;
                    /** @description A gift card that pays up to its balance, after tax */
                    gift_card_code?: string;
                    party_size: number;
                    /** Format: date-time */
                    start_at: string;
                };
            };
        };
        RecordWidgetEvent: {
            content: {
                "application/json": {
                    /** @description The venue’s embed key, as the widget was opened with */
                    embed_key: string;
                    /**
                     * Format: uuid
                     * @description The game the step is about; must be one of the venue’s organization
                     */
                    game_id?: string;
                    session_id: string;
                    /** @enum {string} */
                    type: "widget_view" | "slot_selected" | "checkout_started" | "booking_completed";
                };
            };
        };
        RefundPayment: {
            content: {
                "application/json": {
                    /** @description Default: what is left of the payment */
                    amount_cents?: number;
                    reason: string;
                };
            };
        };
        RequestPasswordReset: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        SetBookingsStatus: {
            content: {
                "application/json": {
                    ids: string[];
                    /** @enum {string} */
                    status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
                };
            };
        };
        Signup: {
            content: {
                "application/json": {
                    currency?: string;
                    /** Format: email */
                    email: string;
                    full_name: string;
                    organization_name: string;
                    password: string;
                    timezone?: string;
                };
            };
        };
        UpdateBooking: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customer_id?: string;
                    notes?: string;
                    party_size?: number;
                    /** @enum {string} */
                    status?: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
                } | {
                    /** Format: uuid */
                    customer_id?: string;
                    notes?: string;
                    party_size?: number;
                    /** Format: date-time */
                    start_at: string;
                    /** @enum {string} */
                    status?: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
                } | {
                    /** Format: date */
                    booking_date: string;
                    /** Format: uuid */
                    customer_id?: string;
                    notes?: string;
                    party_size?: number;
                    start_time: string;
                    /** @enum {string} */
                    status?: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
                };
            };
        };
        UpdateCoupon: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description Unique per organization, compared case-insensitively; matched without regard to case */
                    code?: string;
                    /** @description The organization's games the coupon applies to; empty = every game */
                    game_ids?: string[];
                    /**
                     * @description percent: value is whole percent off the subtotal; fixed: value is minor units off
                     * @enum {string}
                     */
                    kind?: "percent" | "fixed";
                    /** @description Live redemptions per customer; null = unlimited */
                    max_per_customer?: number | null;
                    /** @description Live redemptions in total; null = unlimited */
                    max_redemptions?: number | null;
                    min_party_size?: number;
                    /** @description First instant the code works (inclusive); null = already */
                    valid_from?: string | null;
                    /** @description Instant the code stops working (exclusive); null = never */
                    valid_to?: string | null;
                    /** @description percent: 1-100; fixed: 1-10000000 minor units */
                    value?: number;
                    /** @description The organization's venues the coupon applies to; empty = every venue */
                    venue_ids?: string[];
                };
            };
        };
        UpdateCustomer: {
            content: {
                "application/json": {
                    email?: string | null;
                    full_name?: string;
                    marketing_opt_in?: boolean;
                    notes?: string;
                    notification_preferences?: {
                        email: boolean;
                        sms: boolean;
                    };
                    phone?: string | null;
                    tags?: string[];
                };
            };
        };
        UpdateGame: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @enum {string} */
                    booking_mode?: "private" | "shared";
                    /** @description Turnover after each booking */
                    buffer_minutes?: number;
                    description?: string;
                    duration_minutes?: number;
                    max_advance_days?: number;
                    max_players?: number;
                    min_notice_minutes?: number;
                    min_players?: number;
                    name?: string;
                    /** @description Integer minor units of the organization’s currency */
                    price_cents?: number;
                    /** @description Weekday/time-of-day prices, venue-local; the first match replaces price_cents */
                    price_rules?: components["schemas"]["PriceRule"][];
                    /** @enum {string} */
                    pricing?: "per_player" | "flat";
                    /** @description null = duration + buffer */
                    slot_interval_minutes?: number | null;
                    /** @description Venues of this organization where the game is offered; replaces the links on update */
                    venue_ids?: string[];
                    /** @description Venue-specific prices for linked venues; replaces all overrides on update */
                    venue_prices?: {
                        /** @description Integer minor units of the organization’s currency */
                        price_cents: number;
                        /** Format: uuid */
                        venue_id: string;
                    }[];
                };
            };
        };
        UpdateGiftCard: {
            content: {
                "application/json": {
                    /** @description Must lie in the future; null: never expires */
                    expires_at?: string | null;
                    /** @enum {string} */
                    status?: "active" | "disabled";
                };
            };
        };
        UpdateNotificationSettings: {
            content: {
                "application/json": {
                    "booking.cancelled"?: {
                        email?: boolean;
                        in_app?: boolean;
                    };
                    "booking.created"?: {
                        email?: boolean;
                        in_app?: boolean;
                    };
                    "webhook.disabled"?: {
                        email?: boolean;
                        in_app?: boolean;
                    };
                };
            };
        };
        UpdateNotificationTemplate: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    /**
                     * @description Liquid; values are HTML-escaped; null for SMS
                     * @default null
                     */
                    body_html?: string | null;
                    /** @description Liquid; the plain-text body (the whole message for SMS) */
                    body_text: string;
                    /**
                     * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                     * @enum {string}
                     */
                    channel: "email" | "sms";
                    /**
                     * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                     * @enum {string}
                     */
                    event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                    /** @default en */
                    locale?: string;
                    /**
                     * @description Liquid; required for email, null for SMS
                     * @default null
                     */
                    subject?: string | null;
                };
            };
        };
        UpdateOrganization: {
            content: {
                "application/json": {
                    address?: {
                        city?: string;
                        country?: string;
                        line1?: string;
                        line2?: string;
                        postal_code?: string;
                        region?: string;
                    };
                    branding?: {
                        logo_url?: string | null;
                        primary_color?: string;
                        widget_title?: string;
                    };
                    currency?: string;
                    email?: string | null;
                    name?: string;
                    phone?: string | null;
                    policies?: {
                        accept_cash?: boolean;
                        allow_cancel_inside_window?: boolean;
                        cancellation_window_hours?: number;
                        deposit_percent?: number;
                        no_show_fee_percent?: number;
                        /** @enum {string} */
                        payment_mode?: "none" | "deposit" | "required";
                        referral_reward_cents?: number;
                        refund_percent_inside_window?: number;
                        refund_percent_outside_window?: number;
                        reminder_offsets_minutes?: number[];
                        terms?: string;
                        /** @enum {string} */
                        week_start?: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                    };
                    tax?: {
                        inclusive?: boolean;
                        rate_bps?: number;
                    };
                    timezone?: string;
                };
            };
        };
        UpdateUser: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** Format: email */
                    email?: string;
                    full_name?: string;
                    password?: string;
                    /** @enum {string} */
                    role?: "admin" | "manager" | "staff";
                };
            };
        };
        UpdateVenue: {
            content: {
                "application/json": {
                    address?: {
                        city?: string;
                        country?: string;
                        line1?: string;
                        line2?: string;
                        postal_code?: string;
                        region?: string;
                    };
                    closures?: {
                        close?: string | "24:00";
                        /** Format: date */
                        date: string;
                        open?: string;
                    }[];
                    name?: string;
                    operating_hours?: {
                        close: string | "24:00";
                        open: string;
                        weekday: number;
                    }[];
                    phone?: string | null;
                    /** @description Free-form settings. Replaced as a whole on update. Keys under `public` are shown by the public widget API. */
                    settings?: {
                        [key: string]: unknown;
                    };
                    timezone?: string;
                };
            };
        };
        UpdateWebhook: {
            content: {
                "application/json": {
                    active?: boolean;
                    description?: string;
                    /** @description The event types to receive; waiver.signed may be subscribed to but is never sent yet (this version has no waivers) */
                    events?: ("booking.created" | "booking.updated" | "booking.cancelled" | "booking.checked_in" | "payment.succeeded" | "payment.refunded" | "customer.created" | "waiver.signed")[];
                    /** Format: uri */
                    url?: string;
                };
            };
        };
    };
    headers: {
        /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key and body (nothing new was created). */
        IdempotentReplayed: "true";
        /** @description Requests allowed per client address in the current window. */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Seconds until the window starts again. */
        RateLimitReset: number;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    recordWidgetEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RecordWidgetEvent"];
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        recorded: true;
                    };
                };
            };
            /** @description Already recorded for this session */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload Too Large: `code` is `payload_too_large`. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                action?: "insert" | "update" | "delete";
                /** @description Entries made by one user */
                actor_id?: string;
                from?: string;
                limit?: number;
                page?: number;
                /** @description Entries of one row */
                record_id?: string;
                /** @description Deprecated: `record_id` */
                row_id?: string;
                table?: string;
                to?: string;
                /** @description Deprecated: `actor_id` */
                user_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditLog"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Login"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"] | null;
                        token: string;
                        user: components["schemas"]["User"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RequestPasswordReset"];
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ConfirmPasswordReset"];
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"] | null;
                        user: components["schemas"]["User"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Signup"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"];
                        token: string;
                        user: components["schemas"]["User"];
                    };
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @enum {string} */
                        status: "check_email";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listBookings: {
        parameters: {
            query?: {
                customer_id?: string;
                from?: string;
                game_id?: string;
                limit?: number;
                page?: number;
                q?: string;
                sort?: "start_at" | "-start_at" | "created_at" | "-created_at";
                /** @description One or more statuses, comma-separated: `status=pending,confirmed` */
                status?: ("pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show")[];
                to?: string;
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Booking"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-200 visible ASCII characters, remembered 24 h per caller: the same key with the same body answers the first answer again (Idempotent-Replayed: true) and creates nothing; with another body, 409 idempotency_conflict */
                "idempotency-key"?: string;
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateBooking"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateBooking"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    acceptBookingContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AcceptBookingContact"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkInBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markBookingNoShow: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setBookingsStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["SetBookingsStatus"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        failed: {
                            code: string;
                            /** Format: uuid */
                            id: string;
                            message: string;
                        }[];
                        updated: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkInBookingByCode: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CheckInBookingByCode"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    quoteBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["QuoteBooking"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                active?: "true" | "false";
                limit?: number;
                page?: number;
                /** @description Case-insensitive substring of the code */
                q?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Coupon"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateCoupon"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateCoupon"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description Case-insensitive substring of the name, email or phone */
                q?: string;
                /** @description Derived on read from the statistics and the clock; see the README for the rules */
                segment?: "vip" | "regular" | "new" | "inactive";
                /** @description name and created_at ascend; last_booking_at (never-booked last) and lifetime_value descend */
                sort?: "name" | "created_at" | "last_booking_at" | "lifetime_value";
                /** @description Only customers carrying this tag (exact match) */
                tag?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateCustomer"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateCustomer"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    eraseCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomerBookings: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Booking"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerReferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecentActivity: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        /** Format: date-time */
                        at: string;
                        record: {
                            id: string | null;
                            label: string | null;
                            type: string;
                        };
                        summary: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDashboardHourly: {
        parameters: {
            query?: {
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bookings: number;
                        hour: number;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDashboardStats: {
        parameters: {
            query?: {
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTodaysBookings: {
        parameters: {
            query?: {
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskBooking"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDashboardTrend: {
        parameters: {
            query?: {
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bookings: number;
                        revenue_cents: number;
                        /** Format: date */
                        week_start: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUpcomingBookings: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskBooking"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description For clients that cannot set the Last-Event-ID header */
                last_event_id?: string;
            };
            header?: {
                "last-event-id"?: string;
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream, open until the client leaves */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    exportDataset: {
        parameters: {
            query?: {
                format?: "csv" | "json";
                /** @description bookings: booking_date (venue-local); others: created on or after this date (organization zone) */
                from?: string;
                /** @description Last date, inclusive */
                to?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                dataset: "bookings" | "customers" | "payments" | "gift_cards";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dataset, streamed as the download goes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGames: {
        parameters: {
            query?: {
                active?: "true" | "false";
                include_archived?: "true" | "false";
                limit?: number;
                page?: number;
                q?: string;
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Game"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGame: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateGame"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Game"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGame: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Game"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateGame: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateGame"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Game"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    archiveGame: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Game"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAvailability: {
        parameters: {
            query: {
                from: string;
                party_size?: number;
                to: string;
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGiftCards: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description Part of the code (separators ignored), or of the recipient name or email */
                q?: string;
                /** @description expired is derived at read time from expires_at; disabled is set by a manager */
                status?: "active" | "disabled" | "expired";
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GiftCard"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGiftCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateGiftCard"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGiftCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateGiftCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateGiftCard"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    adjustGiftCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AdjustGiftCard"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardAdjusted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGiftCardTransactions: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["GiftCardTransaction"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        database: "ok" | "unreachable";
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        database: "ok" | "unreachable";
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                booking_id?: string;
                /** @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent */
                channel?: "email" | "sms";
                customer_id?: string;
                limit?: number;
                page?: number;
                status?: "queued" | "sent" | "failed" | "skipped";
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            attempts: number;
                            booking_id: string | null;
                            /**
                             * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                             * @enum {string}
                             */
                            channel: "email" | "sms";
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string | null;
                            /**
                             * @description A template event, or a mail of the platform to an account (password_reset, signup_existing)
                             * @enum {string}
                             */
                            event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request" | "password_reset" | "signup_existing";
                            /** Format: uuid */
                            id: string;
                            last_error: string | null;
                            sent_at: string | null;
                            /** @enum {string} */
                            status: "queued" | "sent" | "failed" | "skipped";
                            template_id: string | null;
                            /** @description An email address (or a phone number for SMS) */
                            to: string;
                        }[];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retryNotificationDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        booking_id: string | null;
                        /**
                         * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                         * @enum {string}
                         */
                        channel: "email" | "sms";
                        /** Format: date-time */
                        created_at: string;
                        customer_id: string | null;
                        /**
                         * @description A template event, or a mail of the platform to an account (password_reset, signup_existing)
                         * @enum {string}
                         */
                        event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request" | "password_reset" | "signup_existing";
                        /** Format: uuid */
                        id: string;
                        last_error: string | null;
                        sent_at: string | null;
                        /** @enum {string} */
                        status: "queued" | "sent" | "failed" | "skipped";
                        template_id: string | null;
                        /** @description An email address (or a phone number for SMS) */
                        to: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listNotificationTemplates: {
        parameters: {
            query?: {
                /** @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent */
                channel?: "email" | "sms";
                /** @description What the message is for; waiver_request is not sent yet (this version has no waivers) */
                event?: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                limit?: number;
                locale?: string;
                page?: number;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            active: boolean;
                            body_html: string | null;
                            body_text: string;
                            /**
                             * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                             * @enum {string}
                             */
                            channel: "email" | "sms";
                            /** Format: date-time */
                            created_at: string;
                            /**
                             * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                             * @enum {string}
                             */
                            event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                            /** Format: uuid */
                            id: string;
                            locale: string;
                            subject: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createNotificationTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateNotificationTemplate"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        body_html: string | null;
                        body_text: string;
                        /**
                         * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                         * @enum {string}
                         */
                        channel: "email" | "sms";
                        /** Format: date-time */
                        created_at: string;
                        /**
                         * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                         * @enum {string}
                         */
                        event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                        /** Format: uuid */
                        id: string;
                        locale: string;
                        subject: string | null;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotificationTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        body_html: string | null;
                        body_text: string;
                        /**
                         * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                         * @enum {string}
                         */
                        channel: "email" | "sms";
                        /** Format: date-time */
                        created_at: string;
                        /**
                         * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                         * @enum {string}
                         */
                        event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                        /** Format: uuid */
                        id: string;
                        locale: string;
                        subject: string | null;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateNotificationTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateNotificationTemplate"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        body_html: string | null;
                        body_text: string;
                        /**
                         * @description email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent
                         * @enum {string}
                         */
                        channel: "email" | "sms";
                        /** Format: date-time */
                        created_at: string;
                        /**
                         * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                         * @enum {string}
                         */
                        event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                        /** Format: uuid */
                        id: string;
                        locale: string;
                        subject: string | null;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteNotificationTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    previewNotificationTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body_html: string | null;
                        body_text: string;
                        subject: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTemplatePlaceholders: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            /**
                             * @description What the message is for; waiver_request is not sent yet (this version has no waivers)
                             * @enum {string}
                             */
                            event: "booking_created" | "booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder" | "payment_receipt" | "refund_issued" | "gift_card_issued" | "waiver_request";
                            placeholders: {
                                example: string;
                                name: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                unread?: "true" | "false";
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InAppNotification"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InAppNotification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateNotificationSettings"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateOrganization"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPayments: {
        parameters: {
            query?: {
                booking_id?: string;
                /** @description Created on or after this date (organization time zone) */
                from?: string;
                kind?: "payment" | "refund";
                limit?: number;
                method?: "cash" | "card_present" | "stripe" | "gift_card" | "other";
                page?: number;
                status?: "pending" | "succeeded" | "failed" | "cancelled";
                /** @description Created on or before this date (organization time zone) */
                to?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-200 visible ASCII characters, remembered 24 h per caller: the same key with the same body answers the first answer again (Idempotent-Replayed: true) and creates nothing; with another body, 409 idempotency_conflict */
                "idempotency-key"?: string;
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreatePayment"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPayment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentWithRefunds"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-200 visible ASCII characters, remembered 24 h per caller: the same key with the same body answers the first answer again (Idempotent-Replayed: true) and creates nothing; with another body, 409 idempotency_conflict */
                "idempotency-key"?: string;
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RefundPayment"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getManagedBooking: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                booking_number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicBooking"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelManagedBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                booking_number: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CancelManagedBooking"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicBooking"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: `code` is `slot_unavailable`, `invalid_transition`, `already_exists`, `idempotency_conflict`, `conflict`, `limit_reached`, `hold_expired`. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload Too Large: `code` is `payload_too_large`. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unprocessable Entity: `code` is `rule_violation`, `invalid_code`, `insufficient_balance`. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token of a feed URL */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An iCalendar (RFC 5545) feed of the venue’s live bookings */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Not modified since the ETag given in If-None-Match */
            304: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    releaseHold: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                hold_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Released */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: {
                channel?: "email" | "sms";
            };
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unsubscribed: ("email" | "sms")[];
                    };
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWidget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                embed_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicWidget"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWidgetBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-200 visible ASCII characters, remembered 24 h per caller: the same key with the same body answers the first answer again (Idempotent-Replayed: true) and creates nothing; with another body, 409 idempotency_conflict */
                "idempotency-key"?: string;
            };
            path: {
                embed_key: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateWidgetBooking"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicBookingCreated"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: `code` is `slot_unavailable`, `invalid_transition`, `already_exists`, `idempotency_conflict`, `conflict`, `limit_reached`, `hold_expired`. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload Too Large: `code` is `payload_too_large`. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unprocessable Entity: `code` is `rule_violation`, `invalid_code`, `insufficient_balance`. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWidgetAvailability: {
        parameters: {
            query: {
                from: string;
                party_size?: number;
                to: string;
            };
            header?: never;
            path: {
                embed_key: string;
                game_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGiftCardBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                embed_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicGiftCardBalance"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                embed_key: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateHold"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hold"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: `code` is `slot_unavailable`, `invalid_transition`, `already_exists`, `idempotency_conflict`, `conflict`, `limit_reached`, `hold_expired`. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload Too Large: `code` is `payload_too_large`. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unprocessable Entity: `code` is `rule_violation`, `invalid_code`, `insufficient_balance`. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    quoteWidgetBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                embed_key: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["QuoteWidgetBooking"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Bad Request: `code` is `validation_failed`, `invalid_signature`. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found: `code` is `not_found`. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: `code` is `slot_unavailable`, `invalid_transition`, `already_exists`, `idempotency_conflict`, `conflict`, `limit_reached`, `hold_expired`. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload Too Large: `code` is `payload_too_large`. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported Media Type: `code` is `unsupported_media_type`. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unprocessable Entity: `code` is `rule_violation`, `invalid_code`, `insufficient_balance`. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too Many Requests: `code` is `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal Server Error: `code` is `internal`. */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service Unavailable: `code` is `service_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBookingsReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        by_game: {
                            bookings: number;
                            /** Format: uuid */
                            game_id: string;
                            name: string;
                            occupancy_rate: number | null;
                            players: number;
                            revenue_cents: number;
                        }[];
                        by_source: {
                            bookings: number;
                            /** @enum {string} */
                            source: "admin" | "widget" | "api";
                        }[];
                        by_status: {
                            bookings: number;
                            players: number;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "checked-in" | "completed" | "cancelled" | "no-show";
                        }[];
                        by_venue: {
                            bookings: number;
                            name: string;
                            players: number;
                            revenue_cents: number;
                            /** Format: uuid */
                            venue_id: string;
                        }[];
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        totals: {
                            bookings: number;
                            cancelled: number;
                            no_shows: number;
                            players: number;
                            revenue_cents: number;
                        };
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomersReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        periods: {
                            new_customers: number;
                            period: string;
                            returning_customers: number;
                        }[];
                        segments: {
                            customers: number;
                            revenue_cents: number;
                            /**
                             * @description Derived on read from the statistics and the clock; see the README for the rules
                             * @enum {string}
                             */
                            segment: "vip" | "regular" | "new" | "inactive";
                        }[];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFunnelReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Only events naming this game */
                game_id?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelReport"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPromotionsReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupons: {
                            code: string;
                            /** Format: uuid */
                            coupon_id: string;
                            discount_cents: number;
                            redemptions: number;
                            released: number;
                        }[];
                        gift_cards: {
                            adjusted_cents: number;
                            issued: number;
                            issued_cents: number;
                            /** @description Balance of every card at the end of `to` */
                            outstanding_cents: number;
                            redeemed_cents: number;
                            refunded_cents: number;
                        };
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRevenueReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        by_method: {
                            card_present: {
                                gross_cents: number;
                                net_cents: number;
                                refund_cents: number;
                            };
                            cash: {
                                gross_cents: number;
                                net_cents: number;
                                refund_cents: number;
                            };
                            gift_card: {
                                gross_cents: number;
                                net_cents: number;
                                refund_cents: number;
                            };
                            other: {
                                gross_cents: number;
                                net_cents: number;
                                refund_cents: number;
                            };
                            stripe: {
                                gross_cents: number;
                                net_cents: number;
                                refund_cents: number;
                            };
                        };
                        discount_cents: number;
                        gross_cents: number;
                        net_cents: number;
                        period: string;
                        refund_cents: number;
                        tax_cents: number;
                    }[];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStaffReport: {
        parameters: {
            query?: {
                /** @description csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised */
                format?: "json" | "csv";
                /** @description First date (local), default 29 days before `to` */
                from?: string;
                /** @description Buckets of revenue and customers; weeks start on policies.week_start */
                group_by?: "day" | "week" | "month";
                /** @description Last date (local, inclusive), default today */
                to?: string;
                /** @description Only this venue; dates are then in its time zone */
                venue_id?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bookings_created: number;
                        check_ins: number;
                        name: string;
                        revenue_taken_cents: number;
                        /** @enum {string} */
                        role: "super_admin" | "admin" | "manager" | "staff";
                        /** Format: uuid */
                        user_id: string;
                    }[];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveStripeEvent: {
        parameters: {
            query?: never;
            header?: {
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applied: boolean;
                        received: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                active?: "true" | "false";
                limit?: number;
                page?: number;
                q?: string;
                role?: "super_admin" | "admin" | "manager" | "staff";
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["User"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateUser"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateUser"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deactivateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listVenues: {
        parameters: {
            query?: {
                include_archived?: "true" | "false";
                limit?: number;
                page?: number;
                q?: string;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Venue"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVenue: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateVenue"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Venue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVenue: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Venue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVenue: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateVenue"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Venue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    archiveVenue: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Venue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVenueCalendarFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The feed: a secret iCalendar URL to subscribe to (shown once; calling again makes a new one and this one stops working) */
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateVenueEmbedKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Venue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateWebhook"];
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateWebhook"];
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        page: number;
                        pages: number;
                        /** @description Matches, counted exactly up to 1000 */
                        total: number;
                        /** @description false when more than 1000 rows match: total is then 1000; narrow the filters */
                        total_exact: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                delivery_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored. */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
